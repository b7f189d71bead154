package faultline.visualizer.trace;

import java.util.List;

/** The stretches and bars a timeline draws besides events and arrows. */
public final class Spans {
  private Spans() {}

  /**
   * A stretch of one lane in one protocol state.
   *
   * @param lane the node's lane
   * @param startNanos when the state was recorded
   * @param endNanos when the next state, crash or the end of the run replaced it
   * @param label what to print in the segment: the role (and term), or the state itself
   * @param role the {@code role} field when the state has one, else null
   * @param eventIndex the state event
   */
  public record StateSegment(
      int lane, long startNanos, long endNanos, String label, String role, int eventIndex) {}

  /** A node down ({@code crash} to {@code restart}) or paused ({@code pause} to {@code resume}). */
  public record Outage(int lane, long startNanos, long endNanos, boolean crash, int eventIndex) {}

  /**
   * A partition from its {@code partition} event to the next {@code heal} or partition.
   *
   * @param groups the partition groups, by node name
   */
  public record PartitionBand(
      long startNanos, long endNanos, List<List<String>> groups, int eventIndex) {}

  /** A one-way block of the link {@code from -> to}. */
  public record BlockBand(int from, int to, long startNanos, long endNanos, int eventIndex) {}

  /**
   * A client operation from invoke to completion.
   *
   * @param process the client's process name
   * @param op the operation, as text
   * @param outcome {@code ok}, {@code fail}, {@code info}, or {@code pending} when the trace ended
   */
  public record ClientOperation(
      String process,
      String op,
      long startNanos,
      long endNanos,
      String outcome,
      int invokeIndex,
      int completionIndex) {}
}
