package faultline.visualizer.app;

import static org.assertj.core.api.Assertions.assertThat;

import faultline.scenarios.analysis.ElectionCdf;
import faultline.scenarios.analysis.ElectionTimeouts;
import faultline.visualizer.paint.CdfPainter;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * {@code experiment raft-figure-16 --plot}: the paper's two graphs, a step line per configuration
 * that rises once per elected trial, SVG parsed as XML and PNG decoded.
 */
class CdfPlotsTest {
  @TempDir Path directory;

  private static List<ElectionCdf> cdfs() {
    List<ElectionTimeouts> lines = ElectionTimeouts.figure16();
    return List.of(
        new ElectionCdf(lines.get(0), List.of(), 2, 0, 2),
        new ElectionCdf(lines.get(2), List.of(120.0, 150.5, 290.0, 4000.0), 0, 0, 4),
        new ElectionCdf(lines.get(6), List.of(20.0, 30.0, 45.0), 1, 0, 3));
  }

  @Test
  void theSvgHasTheTwoGraphsAndAStepLinePerConfiguration() throws Exception {
    Path svg = directory.resolve("figure-16.svg");
    new AnalysisPlots().plotCdfs("faultline experiment raft-figure-16", cdfs(), svg);
    Document document =
        DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(svg.toFile());
    assertThat(texts(document, "//g[@class='cdf-graph']/title"))
        .containsExactly(ElectionTimeouts.RANDOMNESS, ElectionTimeouts.SCALE);
    // 150-150ms elected nothing, so it has no line, only its legend entry.
    assertThat(texts(document, "//g[@class='cdf-line']/title"))
        .containsExactly("150-155ms", "12-24ms");
    assertThat(texts(document, "(//g[@class='cdf-graph'])[1]/text"))
        .contains("150-150ms", "150-155ms", "100", "1,000", "10,000");
    double[] full = rise(document, 1); // 150-155ms: every trial elected.
    double[] partial = rise(document, 2); // 12-24ms: three of four.
    assertThat(full[1]).as("a start and two corners per trial").isEqualTo(1 + 2 * 4);
    assertThat(partial[1]).isEqualTo(1 + 2 * 3);
    // The graphs are the same size: the partial line stops at 75%, not at the top.
    assertThat(partial[0] / full[0]).isCloseTo(0.75, org.assertj.core.api.Assertions.within(0.01));
  }

  /** How far the {@code index}-th line rises, in pixels, and how many points it has. */
  private static double[] rise(Document document, int index) throws Exception {
    Element line =
        (Element) nodes(document, "(//g[@class='cdf-line'])[" + index + "]//polyline").item(0);
    String[] points = line.getAttribute("points").trim().split("\\s+");
    double bottom = Double.parseDouble(points[0].split(",")[1]);
    double top = Double.parseDouble(points[points.length - 1].split(",")[1]);
    return new double[] {bottom - top, points.length};
  }

  @Test
  void thePngIsAPictureOfTheSameSize() throws Exception {
    Path png = directory.resolve("figure-16.png");
    new AnalysisPlots().plotCdfs("t", cdfs(), png);
    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image.getWidth()).isEqualTo((int) AnalysisPlots.CDF_WIDTH_PX);
    assertThat(image.getHeight())
        .isEqualTo(
            (int)
                Math.ceil(
                    CdfPainter.heightFor(AnalysisPlots.CDF_WIDTH_PX, AnalysisPlots.FONT_SIZE)));
    int vermillion = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        vermillion += (image.getRGB(x, y) & 0xFFFFFF) == 0xD55E00 ? 1 : 0;
      }
    }
    assertThat(vermillion).as("the second line of each graph").isGreaterThan(50);
  }

  private static NodeList nodes(Document document, String path) throws Exception {
    return (NodeList)
        XPathFactory.newInstance().newXPath().evaluate(path, document, XPathConstants.NODESET);
  }

  private static List<String> texts(Document document, String path) throws Exception {
    NodeList nodes = nodes(document, path);
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      texts.add(nodes.item(i).getTextContent());
    }
    return texts;
  }
}
