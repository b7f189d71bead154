package faultline.visualizer.view;

import faultline.visualizer.viewmodel.MembershipViewModel;
import faultline.visualizer.viewmodel.Narrator;
import faultline.visualizer.viewmodel.TimelineViewModel;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * What each key does in the window ({@link Shortcuts#HELP} lists them). In presentation mode the
 * arrow keys step through a narration, as a presenter's remote expects, instead of panning.
 */
final class KeyCommands {
  private final TimelineViewModel model;
  private final MembershipViewModel membership;
  private final PresentationMode presentation;
  private final Runnable focusTimeline;
  private final Runnable focusSearch;
  private final Runnable showHelp;

  KeyCommands(
      TimelineViewModel model,
      MembershipViewModel membership,
      PresentationMode presentation,
      Runnable focusTimeline,
      Runnable focusSearch,
      Runnable showHelp) {
    this.model = model;
    this.membership = membership;
    this.presentation = presentation;
    this.focusTimeline = focusTimeline;
    this.focusSearch = focusSearch;
    this.showHelp = showHelp;
  }

  void onKey(KeyEvent event) {
    if (event.getTarget() instanceof TextInputControl && event.getCode() != KeyCode.ESCAPE) {
      return; // Typing in a field: letters are text, not commands.
    }
    if (narrate(event) || navigate(event) || membershipKey(event) || other(event)) {
      event.consume();
    }
  }

  private boolean navigate(KeyEvent event) {
    long width = model.endNanos().get() - model.startNanos().get();
    switch (event.getCode()) {
      case SPACE -> model.togglePlaying();
      case N, J -> model.stepNext();
      case P, K -> model.stepPrevious();
      case V -> model.jumpToNextViolation();
      case F -> model.jumpToNextFault();
      case R -> model.jumpToNextRoleChange();
      case DIGIT0, NUMPAD0 -> model.fit();
      case LEFT -> model.pan(-width / 8);
      case RIGHT -> model.pan(width / 8);
      case HOME -> model.moveCursorTo(0);
      case END ->
          model.moveCursorTo(
              model.timeline().get() == null ? -1 : model.timeline().get().eventCount() - 1);
      default -> {
        return false;
      }
    }
    return true;
  }

  /** Shift+N/P, Page Down/Up, F5, and the arrows in presentation mode with a narration. */
  private boolean narrate(KeyEvent event) {
    Narrator narrator = model.narrator();
    boolean arrowsStep = presentation.isOn() && !narrator.steps().isEmpty();
    KeyCode code = event.getCode();
    if (code == KeyCode.PAGE_DOWN
        || (code == KeyCode.N && event.isShiftDown())
        || (code == KeyCode.RIGHT && arrowsStep)) {
      narrator.next();
    } else if (code == KeyCode.PAGE_UP
        || (code == KeyCode.P && event.isShiftDown())
        || (code == KeyCode.LEFT && arrowsStep)) {
      narrator.previous();
    } else if (code == KeyCode.F5) {
      presentation.toggle();
    } else {
      return false;
    }
    return true;
  }

  private boolean membershipKey(KeyEvent event) {
    switch (event.getCode()) {
      case M -> membership.nextMember(event.isShiftDown() ? -1 : 1);
      case A -> membership.showAll();
      case G -> membership.spreadOfSelectionOrNext();
      default -> {
        return false;
      }
    }
    return true;
  }

  private boolean other(KeyEvent event) {
    String text = event.getText();
    switch (event.getCode()) {
      case ESCAPE -> {
        if (presentation.isOn()) {
          presentation.leave(); // Esc leaves full screen first; the narration stays.
          return true;
        }
        model.narrator().leave();
        membership.clearSpread();
        model.select(-1);
        focusTimeline.run();
        return true;
      }
      case SLASH -> {
        if ("?".equals(text)) {
          showHelp.run();
        } else {
          focusSearch.run();
        }
        return true;
      }
      default -> {
        return text(text);
      }
    }
  }

  private boolean text(String text) {
    switch (text) {
      case "+", "=" -> zoom(0.5);
      case "-" -> zoom(2);
      case "?" -> showHelp.run();
      case "[" -> model.fontSize().set(Math.max(9, model.fontSize().get() - 2));
      case "]" -> model.fontSize().set(Math.min(40, model.fontSize().get() + 2));
      default -> {
        return false;
      }
    }
    return true;
  }

  void zoom(double factor) {
    long centre = (model.startNanos().get() + model.endNanos().get()) / 2;
    model.zoom(factor, centre);
  }
}
