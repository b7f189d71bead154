package faultline.visualizer.paint;

import java.util.List;

/**
 * The palette of presentation mode: the window's colours, each with the same meaning, made to hold
 * up on a projector for every viewer. Projectors wash out pale, thin colours, so every colour that
 * draws a line or a mark has at least 3:1 contrast against the white background (WCAG 2.1's bar for
 * graphical objects; the window's Okabe–Ito orange, sky blue and yellow have 2.3:1 or less), and
 * translucent fills are laid on thicker. Every two colours stay at least 15 apart in CIEDE2000 for
 * normal vision and under simulated deuteranopia and protanopia (the window's palette drops to 8.2
 * between bluish green and grey under deuteranopia); {@code PresentationPaletteTest} checks both,
 * and the README says how.
 */
public final class PresentationPalette {
  public static final Rgb BLUE = Rgb.hex("#1F63B8");
  public static final Rgb VERMILLION = Rgb.hex("#C31C0C");
  public static final Rgb REDDISH_PURPLE = Rgb.hex("#A00066");
  public static final Rgb BLUISH_GREEN = Rgb.hex("#2F7D54");
  public static final Rgb ORANGE = Rgb.hex("#D38210");
  public static final Rgb SKY_BLUE = Rgb.hex("#1897E7");
  public static final Rgb YELLOW = Rgb.hex("#F4E956");
  public static final Rgb GREY = Rgb.hex("#8D8D8D");
  public static final Rgb LIGHT_GREY = Rgb.hex("#C8C8C8");

  /**
   * The colours that carry a meaning and must be told apart, one per hue of the window's palette.
   * Yellow only fills (candidate lanes, search matches) behind black text, so it is held to
   * contrast with black instead of white.
   */
  public static final List<Rgb> DISTINCT =
      List.of(BLUE, VERMILLION, REDDISH_PURPLE, BLUISH_GREEN, ORANGE, SKY_BLUE, YELLOW, GREY);

  /** How much more opaque a translucent fill is drawn, so lane colours survive a projector. */
  static final double FILL_OPACITY_FACTOR = 1.8;

  private PresentationPalette() {}

  /** The presentation colour for a window colour, keeping its opacity (thickened when a fill). */
  public static Rgb of(Rgb colour) {
    if (colour == null) {
      return null;
    }
    Rgb mapped = opaque(colour);
    double alpha =
        colour.alpha() < 1 ? Math.min(1, colour.alpha() * FILL_OPACITY_FACTOR) : colour.alpha();
    return new Rgb(mapped.red(), mapped.green(), mapped.blue(), alpha);
  }

  private static Rgb opaque(Rgb colour) {
    String hex = colour.cssHex();
    return switch (hex) {
      case "#0072b2" -> BLUE;
      case "#d55e00" -> VERMILLION;
      case "#cc79a7" -> REDDISH_PURPLE;
      case "#009e73" -> BLUISH_GREEN;
      case "#e69f00" -> ORANGE;
      case "#56b4e9" -> SKY_BLUE;
      case "#f0e442" -> YELLOW;
      case "#7f7f7f" -> GREY;
      case "#e6e6e6" -> LIGHT_GREY;
      default -> colour;
    };
  }
}
