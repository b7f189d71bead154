package faultline.visualizer.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A machine without FreeType is told apart from a bug. The cases are what JavaFX 26 printed and
 * threw in the container image, whose base has no FreeType: its loader's line naming
 * libfreetype.so.6, then a NullPointerException from its font code.
 */
class FontProblemTest {
  @Test
  void javaFxFailingToLoadFreeTypeIsTheMachinesDoing() {
    String printed =
        "Loading library javafx_font_freetype from resource failed: java.lang.UnsatisfiedLinkError:"
            + " /tmp/cache/libjavafx_font_freetype.so: libfreetype.so.6: cannot open shared object"
            + " file: No such file or directory\n";
    NullPointerException thrown =
        new NullPointerException(
            "Cannot invoke \"com.sun.javafx.font.FontFactory.isPlatformFont(String)\"");
    assertThat(FontProblem.isMissingFreeType(thrown, printed)).isTrue();
    assertThat(
            FontProblem.isMissingFreeType(
                new RuntimeException(
                    new UnsatisfiedLinkError("libjavafx_font_freetype.so: cannot open")),
                ""))
        .isTrue();
    assertThat(FontProblem.EXPLANATION).contains("libfreetype6").contains("--format svg");
  }

  @Test
  void anyOtherFailureIsNot() {
    assertThat(FontProblem.isMissingFreeType(new IllegalStateException("a bug"), "")).isFalse();
    assertThat(FontProblem.isMissingFreeType(new NullPointerException(), "some warning\n"))
        .isFalse();
  }
}
