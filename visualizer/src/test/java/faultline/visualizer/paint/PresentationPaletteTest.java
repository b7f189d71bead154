package faultline.visualizer.paint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Presentation mode's palette holds up for colour-blind viewers and on a projector: every two of
 * its colours stay apart for normal vision and under simulated deuteranopia and protanopia, and
 * every colour that draws a line stands out against the white background. The window's own
 * Okabe–Ito palette fails the same bar, so the check can fail.
 */
class PresentationPaletteTest {
  /** A difference a viewer sees at a glance across a room; 2.3 is "just noticeable". */
  private static final double DISTANCE_MIN = 15;

  /** WCAG 2.1 success criterion 1.4.11: graphical objects need 3:1 against what is around them. */
  private static final double LINE_CONTRAST_MIN = 3;

  private static final List<Rgb> WINDOW =
      List.of(
          Palette.BLUE,
          Palette.VERMILLION,
          Palette.REDDISH_PURPLE,
          Palette.BLUISH_GREEN,
          Palette.ORANGE,
          Palette.SKY_BLUE,
          Palette.YELLOW,
          Palette.GREY);

  @Test
  void ciede2000MatchesSharmaWuAndDalalsTestPairs() {
    assertThat(delta(50, 2.6772, -79.7751, 50, 0, -82.7485)).isCloseTo(2.0425, within(1e-4));
    assertThat(delta(50, 0, 0, 50, -1, 2)).isCloseTo(2.3669, within(1e-4));
    assertThat(delta(50, 2.5, 0, 73, 25, -18)).isCloseTo(27.1492, within(1e-4));
    assertThat(delta(60.2574, -34.0099, 36.2677, 60.4626, -34.1751, 39.4387))
        .isCloseTo(1.2644, within(1e-4));
  }

  @Test
  void everyTwoColoursStayApartForNormalDeuteranopeAndProtanopeViewers() {
    List<Rgb> colours = PresentationPalette.DISTINCT;
    assertThat(ColourVision.minimumDistance(colours, ColourVision.NORMAL))
        .isGreaterThanOrEqualTo(DISTANCE_MIN);
    assertThat(ColourVision.minimumDistance(colours, ColourVision.DEUTERANOPIA))
        .isGreaterThanOrEqualTo(DISTANCE_MIN);
    assertThat(ColourVision.minimumDistance(colours, ColourVision.PROTANOPIA))
        .isGreaterThanOrEqualTo(DISTANCE_MIN);
  }

  @Test
  void theWindowsPaletteDoesNotMeetThatBarSoTheCheckCanFail() {
    assertThat(ColourVision.minimumDistance(WINDOW, ColourVision.DEUTERANOPIA))
        .isLessThan(DISTANCE_MIN);
  }

  @Test
  void linesStandOutAgainstWhiteAndYellowFillsUnderBlackText() {
    for (Rgb colour : PresentationPalette.DISTINCT) {
      if (colour.equals(PresentationPalette.YELLOW)) {
        assertThat(ColourVision.contrast(colour, Palette.BLACK)).isGreaterThanOrEqualTo(12);
      } else {
        assertThat(ColourVision.contrast(colour, Palette.WHITE))
            .as(colour.cssHex())
            .isGreaterThanOrEqualTo(LINE_CONTRAST_MIN);
      }
    }
    assertThat(ColourVision.contrast(Palette.ORANGE, Palette.WHITE)).isLessThan(LINE_CONTRAST_MIN);
  }

  @Test
  void everyWindowColourHasItsPresentationColourAndKeepsItsMeaning() {
    for (int i = 0; i < WINDOW.size(); i++) {
      assertThat(PresentationPalette.of(WINDOW.get(i)))
          .isEqualTo(PresentationPalette.DISTINCT.get(i));
    }
    assertThat(PresentationPalette.of(Palette.DELIVERED)).isEqualTo(PresentationPalette.BLUE);
    assertThat(PresentationPalette.of(Palette.BLACK)).isEqualTo(Palette.BLACK);
    Rgb paleFill = PresentationPalette.of(Palette.ORANGE.withAlpha(0.45));
    assertThat(paleFill.alpha()).isCloseTo(0.81, within(1e-9));
    assertThat(PresentationPalette.of(Palette.ORANGE.withAlpha(0.9)).alpha()).isEqualTo(1);
  }

  private static double delta(double l1, double a1, double b1, double l2, double a2, double b2) {
    return ColourVision.deltaE2000(new double[] {l1, a1, b1}, new double[] {l2, a2, b2});
  }
}
