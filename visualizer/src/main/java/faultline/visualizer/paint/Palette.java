package faultline.visualizer.paint;

import java.util.List;
import java.util.Locale;

/**
 * The Okabe–Ito palette, distinguishable with every common colour-vision deficiency. Each colour
 * has one meaning at a time: messages are blue, losses vermillion, duplicates purple; roles take
 * the remaining hues, and a role is also written as a label, never shown by colour alone.
 */
public final class Palette {
  public static final Rgb BLACK = Rgb.hex("#000000");
  public static final Rgb ORANGE = Rgb.hex("#E69F00");
  public static final Rgb SKY_BLUE = Rgb.hex("#56B4E9");
  public static final Rgb BLUISH_GREEN = Rgb.hex("#009E73");
  public static final Rgb YELLOW = Rgb.hex("#F0E442");
  public static final Rgb BLUE = Rgb.hex("#0072B2");
  public static final Rgb VERMILLION = Rgb.hex("#D55E00");
  public static final Rgb REDDISH_PURPLE = Rgb.hex("#CC79A7");
  public static final Rgb GREY = Rgb.hex("#7F7F7F");
  public static final Rgb LIGHT_GREY = Rgb.hex("#E6E6E6");
  public static final Rgb WHITE = Rgb.hex("#FFFFFF");

  public static final Rgb DELIVERED = BLUE;
  public static final Rgb DROPPED = VERMILLION;
  public static final Rgb DUPLICATE = REDDISH_PURPLE;
  public static final Rgb VIOLATION = VERMILLION;
  public static final Rgb CLOCK = BLUISH_GREEN;
  public static final Rgb PARTITION = SKY_BLUE;
  public static final Rgb HAPPENED_BEFORE = ORANGE;
  public static final Rgb COULD_INFLUENCE = SKY_BLUE;

  private static final List<Rgb> OTHER_ROLES =
      List.of(BLUISH_GREEN, REDDISH_PURPLE, SKY_BLUE, ORANGE, YELLOW, BLUE);

  private Palette() {}

  /** The fill of a lane segment in {@code role}; well-known roles keep the same hue everywhere. */
  public static Rgb role(String role) {
    return switch (role.toUpperCase(Locale.ROOT)) {
      case "LEADER", "HOLDER", "PRIMARY" -> ORANGE;
      case "CANDIDATE", "SUSPECT", "SUSPECTED" -> YELLOW;
      case "FOLLOWER", "ALIVE", "MEMBER" -> SKY_BLUE;
      case "DEAD", "FAILED" -> GREY;
      default -> OTHER_ROLES.get(Math.floorMod(role.hashCode(), OTHER_ROLES.size()));
    };
  }

  /**
   * What one member holds about another: alive light blue, suspect yellow, faulty dark, left light
   * grey. Blue against yellow survives red-green colour blindness, and the three differ in
   * lightness, so a grey-scale print still tells them apart; false positives add a vermillion edge.
   */
  public static Rgb memberState(faultline.visualizer.trace.MemberState state) {
    return switch (state) {
      case ALIVE -> ALIVE_VIEW;
      case SUSPECT -> YELLOW;
      case FAULTY -> FAULTY_VIEW;
      case LEFT -> LIGHT_GREY;
      case UNKNOWN -> WHITE.withAlpha(0);
    };
  }

  // Opaque (sky blue and black thinned over white), so that a row grouping several members shows
  // the same colour however many of their stretches overlap.
  private static final Rgb ALIVE_VIEW = Rgb.hex("#A2D6F3");
  private static final Rgb FAULTY_VIEW = Rgb.hex("#474747");

  public static final Rgb FALSE_POSITIVE = VERMILLION;
  public static final Rgb GOSSIP = BLUE;
  public static final Rgb ORIGIN = REDDISH_PURPLE;

  /** Client operation outcomes, in the colours Maelstrom's users already read. */
  public static Rgb outcome(String outcome) {
    return switch (outcome) {
      case "ok" -> BLUE;
      case "info" -> ORANGE;
      case "fail" -> REDDISH_PURPLE;
      default -> GREY;
    };
  }
}
