package faultline.visualizer.app;

import static org.assertj.core.api.Assertions.assertThat;

import faultline.scenarios.analysis.AnalysisRow;
import faultline.scenarios.analysis.Estimate;
import faultline.scenarios.cli.Main;
import faultline.visualizer.paint.AnalysisPlotPainter;
import faultline.visualizer.paint.CountingSurface;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
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
import org.w3c.dom.NodeList;

/**
 * {@code analyze swim --plot}: one panel per quantity of the analysis's own rows, SVG parsed as
 * XML, PNG decoded; a wrong extension is refused before the sweep runs.
 */
class AnalysisPlotsTest {
  @TempDir Path directory;

  private static List<AnalysisRow> rows() {
    return List.of(
        new AnalysisRow(
            "time to first detection (periods)", 10, new Estimate(1.62, 1.55, 1.70, 200), 1.632),
        new AnalysisRow(
            "time to first detection (periods)", 100, new Estimate(1.70, 1.62, 1.78, 200), 1.587),
        new AnalysisRow(
            "time until all know of the crash (periods)",
            10,
            new Estimate(3.1, 2.9, 3.3, 200),
            Double.NaN),
        new AnalysisRow(
            "Lifeguard's reduction of false positives (off / on)",
            10,
            new Estimate(Double.POSITIVE_INFINITY, Double.NaN, Double.NaN, 100),
            Double.NaN));
  }

  @Test
  void theSvgHasOnePanelPerQuantityWithItsMeasurementsAndPredictions() throws Exception {
    Path svg = directory.resolve("swim.svg");
    new AnalysisPlots().plot("faultline analyze swim", rows(), svg);
    Document document =
        DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(svg.toFile());
    assertThat(texts(document, "//g[@class='panel']/title"))
        .containsExactly(
            "time to first detection (periods)",
            "time until all know of the crash (periods)",
            "Lifeguard's reduction of false positives (off / on)");
    List<String> firstPanel = texts(document, "//g[@class='panel'][1]/text");
    assertThat(firstPanel)
        .contains("n = 10", "n = 100", "1.62  (prediction in CI)", "1.7  (prediction outside CI)");
    assertThat(texts(document, "//g[@class='panel'][3]/text"))
        .contains("∞ (none in the denominator)");
    assertThat(texts(document, "//g[@class='analysis']/title"))
        .containsExactly("faultline analyze swim");
  }

  @Test
  void thePngIsAPictureOfTheSameSize() throws Exception {
    Path png = directory.resolve("swim.png");
    new AnalysisPlots().plot("faultline analyze swim", rows(), png);
    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image.getWidth()).isEqualTo((int) AnalysisPlots.WIDTH_PX);
    assertThat(image.getHeight())
        .isEqualTo(
            (int)
                Math.ceil(
                    AnalysisPlotPainter.heightFor(
                        rows(), AnalysisPlots.WIDTH_PX, AnalysisPlots.FONT_SIZE)));
    int blue = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        blue += (image.getRGB(x, y) & 0xFFFFFF) == 0x0072B2 ? 1 : 0;
      }
    }
    assertThat(blue).as("measured dots and whiskers").isGreaterThan(50);
  }

  @Test
  void theCommandDrawsWhatItPrints() throws Exception {
    Path svg = directory.resolve("analysis.svg");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Main.execute(
            new PrintWriter(out),
            new PrintWriter(err),
            "analyze",
            "swim",
            "--seeds",
            "1..3",
            "--members",
            "5",
            "--plot",
            svg.toString());
    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString()).contains("plot: " + svg);
    Document document =
        DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(svg.toFile());
    List<String> quantities = texts(document, "//g[@class='panel']/title");
    assertThat(quantities).contains("time to first detection (periods)");
    for (String quantity : quantities) {
      assertThat(out.toString()).contains("| " + quantity + " |");
    }
  }

  @Test
  void aWrongExtensionIsRefusedBeforeTheSweep() {
    StringWriter err = new StringWriter();
    long started = System.nanoTime();
    int code =
        Main.execute(
            new PrintWriter(new StringWriter()),
            new PrintWriter(err),
            "analyze",
            "swim",
            "--plot",
            directory.resolve("swim.jpg").toString());
    assertThat(code).isEqualTo(2);
    assertThat(err.toString().strip())
        .isEqualTo(
            "faultline: --plot: the file must end in .png or .svg, not '"
                + directory.resolve("swim.jpg")
                + "'");
    assertThat(System.nanoTime() - started).isLessThan(5_000_000_000L);
  }

  @Test
  void drawingCostsAFewCallsPerRow() {
    CountingSurface surface = new CountingSurface();
    new AnalysisPlotPainter().paint(surface, rows(), "t", 1400, 16);
    assertThat(surface.calls()).isBetween(20L, 400L);
  }

  private static List<String> texts(Document document, String path) throws Exception {
    NodeList nodes =
        (NodeList)
            XPathFactory.newInstance().newXPath().evaluate(path, document, XPathConstants.NODESET);
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      texts.add(nodes.item(i).getTextContent());
    }
    return texts;
  }
}
