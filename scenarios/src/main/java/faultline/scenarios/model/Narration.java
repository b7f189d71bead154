package faultline.scenarios.model;

import faultline.engine.node.NodeId;
import faultline.scenarios.parse.Durations;
import faultline.scenarios.parse.ScenarioException;
import java.util.List;
import java.util.SortedMap;

/**
 * A scenario's narration: the ordered steps an instructor walks through, each at a moment of the
 * run with a caption. Narration is presentation, never simulation: it does not reach the trace
 * header or the run's fingerprint, and a run with or without it is the same run.
 *
 * @param steps the steps in the order they are shown; empty for a scenario without narration
 */
public record Narration(List<Step> steps) {
  public static final Narration NONE = new Narration(List.of());

  public Narration {
    steps = List.copyOf(steps);
  }

  /**
   * One step.
   *
   * @param number 1 for the first step
   * @param atNanos the moment in true time, or -1 when {@code event} picks it
   * @param event the event that is the moment, or null when {@code atNanos} gives it
   * @param caption what happens at that moment, in a sentence or two
   * @param highlight the nodes whose lanes to mark
   * @param zoom the time window to show, or null to keep the current one
   * @param spot where the step is written, for errors found when the step is resolved in a run
   */
  public record Step(
      int number,
      long atNanos,
      EventSelector event,
      String caption,
      List<NodeId> highlight,
      Zoom zoom,
      Spot spot) {
    public Step {
      highlight = List.copyOf(highlight);
    }
  }

  /**
   * Picks the {@code nth} event of a type at or after a time, optionally on one node and holding
   * given field values. A selector is a plain JSON object, not a query language, so that a mistake
   * in one is reported at its field like any other scenario mistake.
   *
   * @param type the trace event type ({@code state}, {@code violation}, {@code crash}, ...)
   * @param node the node the event is on, or null for any
   * @param where field paths of the event record ({@code state.role}, {@code op.f}) and the JSON
   *     text of the scalar each must equal ({@code "LEADER"} with its quotes, {@code 2}, {@code
   *     true})
   * @param afterNanos only events at or after this true time count
   * @param nth which match: 1 for the first
   */
  public record EventSelector(
      String type, NodeId node, SortedMap<String, String> where, long afterNanos, int nth) {

    /** In words, for messages: {@code the 1st state event on n4 with state.role "LEADER"}. */
    public String describe() {
      StringBuilder text = new StringBuilder("the ").append(ordinal(nth)).append(' ');
      text.append(type).append(" event");
      if (node != null) {
        text.append(" on ").append(node);
      }
      String joiner = " with ";
      for (var field : where.entrySet()) {
        text.append(joiner).append(field.getKey()).append(' ').append(field.getValue());
        joiner = ", ";
      }
      if (afterNanos > 0) {
        text.append(" at or after ").append(Durations.format(afterNanos));
      }
      return text.toString();
    }

    private static String ordinal(int n) {
      int lastTwo = n % 100;
      String suffix =
          lastTwo >= 11 && lastTwo <= 13
              ? "th"
              : switch (n % 10) {
                case 1 -> "st";
                case 2 -> "nd";
                case 3 -> "rd";
                default -> "th";
              };
      return n + suffix;
    }
  }

  /**
   * The time window a step shows: absolute ({@code from}..{@code to}) or around the step's moment
   * ({@code before} it to {@code after} it).
   */
  public record Zoom(long fromNanos, long toNanos, boolean aroundMoment) {
    /** The window for a step whose moment is {@code momentNanos}. */
    public long startNanos(long momentNanos) {
      return aroundMoment ? momentNanos - fromNanos : fromNanos;
    }

    public long endNanos(long momentNanos) {
      return aroundMoment ? momentNanos + toNanos : toNanos;
    }
  }

  /** Where a step is written: a file, line, column and JSON path, like every loader message. */
  public record Spot(String file, int line, int column, String path) {
    public ScenarioException error(String reason) {
      return new ScenarioException(file, line, column, path, reason);
    }
  }
}
