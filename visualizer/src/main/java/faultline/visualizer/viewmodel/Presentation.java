package faultline.visualizer.viewmodel;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * Presentation mode's part of the model: whether it is on, and the large type it brings (the font
 * size before it is given back on leaving). The view adds full screen, the high-contrast palette
 * with thick lines, and hides the panels.
 */
public final class Presentation {
  /** The type size on a projector: readable from the back of a lecture hall at 1080p. */
  public static final double FONT_SIZE = 24;

  private final TimelineViewModel model;
  private final BooleanProperty on = new SimpleBooleanProperty(false);
  private double fontSizeBefore;

  Presentation(TimelineViewModel model) {
    this.model = model;
  }

  /** Turns presentation mode on or off; returns whether it is now on. */
  public boolean toggle() {
    set(!on.get());
    return on.get();
  }

  public void set(boolean wanted) {
    if (wanted == on.get()) {
      return;
    }
    if (wanted) {
      fontSizeBefore = model.fontSize().get();
      model.fontSize().set(Math.max(FONT_SIZE, fontSizeBefore));
    } else {
      model.fontSize().set(fontSizeBefore);
    }
    on.set(wanted);
    model
        .status()
        .set(
            wanted
                ? "Presentation mode: F5 or Esc leaves"
                    + (model.narrator().steps().isEmpty()
                        ? ""
                        : "; → and ← (or Page Down, Page Up) step through the narration")
                : "Left presentation mode");
    model.changed();
  }

  public ReadOnlyBooleanProperty on() {
    return on;
  }
}
