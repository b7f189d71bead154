package faultline.visualizer.app;

import static faultline.visualizer.app.CommandLine.execute;
import static org.assertj.core.api.Assertions.assertThat;

import faultline.visualizer.trace.TraceFixtures;
import java.nio.file.Files;
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
 * {@code export} through the real command line: the SVG is parsed as XML and its groups counted
 * against the run; the PNG is decoded; bad input exits 2 with a one-line reason; {@code run} still
 * works through the visualizer's entry point.
 */
class ExportCommandTest {
  @TempDir Path directory;

  @Test
  void svgOfATraceHasOneGroupPerDrawnThing() throws Exception {
    Path trace = directory.resolve("raft.jsonl");
    TraceFixtures.write(trace, TraceFixtures.raftLike());
    Path svg = directory.resolve("raft.svg");
    CommandLine result =
        execute("export", trace.toString(), "--format", "svg", "--out", svg.toString());
    assertThat(result.code()).as(result.err()).isZero();
    Document document =
        DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(svg.toFile());
    assertThat(document.getDocumentElement().getTagName()).isEqualTo("svg");
    assertThat(texts(document, "//g[@class='lane-label']/text")).containsExactly("n1", "n2", "n3");
    assertThat(count(document, "//g[@class='message delivered']")).isEqualTo(2);
    assertThat(count(document, "//g[@class='message duplicate']")).isEqualTo(1);
    assertThat(texts(document, "//g[@class='message dropped']/title"))
        .containsExactly("RequestVote #2 dropped: loss", "AppendEntries #4 dropped: partition");
    assertThat(count(document, "//g[@class='message in-flight']")).isEqualTo(1);
    assertThat(texts(document, "//g[@class='partition']/title"))
        .containsExactly("partition {n1} | {n2,n3}");
    assertThat(count(document, "//g[@class='crashed']")).isEqualTo(1);
    assertThat(count(document, "//g[@class='paused']")).isEqualTo(1);
    assertThat(count(document, "//g[@class='violation']")).isEqualTo(1);
    assertThat(count(document, "//g[@class='client-op info']")).isEqualTo(1);
    assertThat(count(document, "//g[@class='clock']")).as("one clock line per node").isEqualTo(3);
    assertThat(texts(document, "//g[@class='segments']/text"))
        .contains("FOLLOWER t0", "CANDIDATE t1", "LEADER t1");
    assertThat(count(document, "//g[@class='legend']")).isEqualTo(1);
  }

  @Test
  void pngOfAScenarioWithoutADisplay() throws Exception {
    Path png = directory.resolve("lww.png");
    CommandLine result =
        execute(
            "export",
            "clocks/lww-skew",
            "--format",
            "png",
            "--out",
            png.toString(),
            "--width",
            "1000");
    assertThat(result.code()).as(result.err()).isZero();
    assertThat(result.out()).contains("wrote", "23 events");
    assertThat(ImageIO.read(png.toFile()).getWidth()).isEqualTo(1000);
  }

  @Test
  void badInputExitsTwoWithOneLine() throws Exception {
    List<String> lines = TraceFixtures.raftLike();
    Path truncated = directory.resolve("cut.jsonl");
    Files.writeString(truncated, String.join("\n", lines.subList(0, 5)));
    Path newer = directory.resolve("newer.jsonl");
    List<String> newerLines = new ArrayList<>(lines);
    newerLines.set(0, lines.getFirst().replace("\"version\":1", "\"version\":9"));
    TraceFixtures.write(newer, newerLines);
    Path foreign = directory.resolve("foreign.jsonl");
    Files.writeString(foreign, "{\"hello\":1}\n");
    String out = directory.resolve("x.svg").toString();
    assertThat(execute("export", truncated.toString(), "--format", "svg", "--out", out))
        .satisfies(r -> assertThat(r.code()).isEqualTo(2))
        .satisfies(r -> assertThat(r.err()).contains("cut.jsonl:5:1", "truncated").hasLineCount(1));
    assertThat(execute("export", newer.toString(), "--format", "svg", "--out", out).err())
        .contains("newer than this faultline understands");
    assertThat(execute("export", foreign.toString(), "--format", "svg", "--out", out).err())
        .contains("not a faultline trace");
    assertThat(execute("export", "clocks/lww-skew", "--format", "gif", "--out", out).code())
        .isEqualTo(2);
    assertThat(execute("export", "no/such", "--format", "svg", "--out", out).err())
        .contains("no bundled scenario or file named 'no/such'");
  }

  @Test
  void stepsWritesOnePicturePerNarrationStepInBothFormats() throws Exception {
    Path slides = directory.resolve("slides");
    CommandLine result = execute("export", "clocks/lww-skew", "--steps", slides.toString());
    assertThat(result.code()).as(result.err()).isZero();
    assertThat(result.out())
        .contains("wrote 5 steps to", "(svg and png)", "step-01 step-02 step-03 step-04 step-05");
    for (int step = 1; step <= 5; step++) {
      Path svg = slides.resolve("step-0" + step + ".svg");
      Document document =
          DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(svg.toFile());
      String heading = "Step " + step + " of 5";
      assertThat(texts(document, "//text")).anyMatch(text -> text.startsWith(heading));
      assertThat(ImageIO.read(slides.resolve("step-0" + step + ".png").toFile()).getWidth())
          .isEqualTo(1600);
    }
    Document first =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(slides.resolve("step-01.svg").toFile());
    assertThat(count(first, "//g[@class='highlighted-lane']")).isEqualTo(1);
    Document last =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(slides.resolve("step-05.svg").toFile());
    assertThat(count(last, "//g[@class='highlighted-lane']")).isEqualTo(2);

    Path only = directory.resolve("only-svg");
    assertThat(execute("export", "clocks/lww-skew", "--steps", only.toString(), "--format", "svg"))
        .satisfies(r -> assertThat(r.code()).isZero());
    try (var files = Files.list(only)) {
      assertThat(files.map(path -> path.getFileName().toString()).sorted())
          .containsExactly(
              "step-01.svg", "step-02.svg", "step-03.svg", "step-04.svg", "step-05.svg");
    }
  }

  @Test
  void stepsNeedANarrationAndOneOutput() {
    String slides = directory.resolve("slides").toString();
    assertThat(execute("export", "clocks/lamport", "--steps", slides))
        .satisfies(r -> assertThat(r.code()).isEqualTo(2))
        .satisfies(
            r -> assertThat(r.err()).contains("clocks/lamport has no narration").hasLineCount(1));
    assertThat(execute("export", "clocks/lww-skew", "--steps", slides, "--out", "x.svg"))
        .satisfies(r -> assertThat(r.code()).isEqualTo(2))
        .satisfies(r -> assertThat(r.err()).contains("either --out FILE").hasLineCount(1));
    assertThat(execute("export", "clocks/lww-skew", "--out", "x.txt"))
        .satisfies(r -> assertThat(r.code()).isEqualTo(2))
        .satisfies(
            r ->
                assertThat(r.err())
                    .contains("--format: cannot tell the format from the name 'x.txt'")
                    .hasLineCount(1));
  }

  @Test
  void theOtherCommandsStillWork() {
    CommandLine result = execute("run", "clocks/lww-skew");
    assertThat(result.code()).isEqualTo(1);
    assertThat(result.out()).contains("register.causal-lww");
    assertThat(execute("--help").out()).contains("viz", "export", "run", "replay");
  }

  private static int count(Document document, String xpath) throws Exception {
    return ((NodeList)
            XPathFactory.newInstance().newXPath().evaluate(xpath, document, XPathConstants.NODESET))
        .getLength();
  }

  private static List<String> texts(Document document, String xpath) throws Exception {
    NodeList nodes =
        (NodeList)
            XPathFactory.newInstance().newXPath().evaluate(xpath, document, XPathConstants.NODESET);
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      texts.add(nodes.item(i).getTextContent());
    }
    return texts;
  }
}
