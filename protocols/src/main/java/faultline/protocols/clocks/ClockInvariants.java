package faultline.protocols.clocks;

import faultline.engine.check.Invariant;
import faultline.engine.check.InvariantContext;
import faultline.engine.node.NodeId;
import java.util.List;

/**
 * What logical and hybrid clocks promise, checked at every stamped event against the engine's
 * ground-truth happens-before relation (which sees every send and delivery):
 *
 * <ul>
 *   <li>{@value #LAMPORT_CLOCK_CONDITION}: if a happened before b then L(a) &lt; L(b) (Lamport
 *       1978, the Clock Condition).
 *   <li>{@value #VECTOR_MATCHES_CAUSALITY}: V(a) &lt; V(b) exactly when a happened before b, so
 *       concurrent events have incomparable vectors (Mattern 1989, Theorem 10).
 *   <li>{@value #HLC_CAUSALITY}: if a happened before b then hlc(a) &lt; hlc(b) (Kulkarni et al.
 *       2014, Theorem 1).
 *   <li>{@value #HLC_PHYSICAL_FLOOR}: l is never below the node's physical clock (Figure 5).
 *   <li>{@value #HLC_BOUNDED}: l is never above the largest physical reading in the event's causal
 *       past, so it stays within the clock skew of physical time (Theorem 2).
 * </ul>
 */
public final class ClockInvariants {
  public static final String LAMPORT_CLOCK_CONDITION = "clocks.lamport-clock-condition";
  public static final String VECTOR_MATCHES_CAUSALITY = "clocks.vector-matches-causality";
  public static final String HLC_CAUSALITY = "clocks.hlc-causality";
  public static final String HLC_PHYSICAL_FLOOR = "clocks.hlc-physical-floor";
  public static final String HLC_BOUNDED = "clocks.hlc-bounded-by-causal-past";

  private ClockInvariants() {}

  /** Names a causal predecessor for messages: the node's own earlier event, or another node's. */
  static String predecessorAt(NodeId node, StampLog.New event) {
    return node.equals(event.node())
        ? "an earlier event at " + node
        : "an event at " + node + " that happened before it";
  }

  /**
   * Fresh instances of all five, for one run, judging every node that implements {@link
   * ClockedNode}; each skips the events that do not carry its clock.
   */
  public static List<Invariant> all() {
    return List.of(
        new LamportClockCondition(),
        new VectorMatchesCausality(),
        new HlcCausality(),
        new HlcPhysicalFloor(),
        new HlcBounded());
  }

  static final class LamportClockCondition extends StampedEventInvariant {
    LamportClockCondition() {
      super(
          LAMPORT_CLOCK_CONDITION,
          "If event a happened before event b, a's Lamport time is smaller than b's.",
          stamps -> stamps.lamport() != null);
    }

    @Override
    void check(InvariantContext context, StampLog.New event) {
      Predecessor bad =
          firstUnorderedPredecessor(
              context, event, (before, after) -> before.lamport().isBefore(after.lamport()));
      if (bad != null) {
        context.fail(
            event.node(),
            "Lamport time "
                + event.entry().stamps().lamport().time()
                + " is not above "
                + bad.entry().stamps().lamport().time()
                + ", the time of "
                + predecessorAt(bad.node(), event));
      }
    }
  }

  static final class VectorMatchesCausality extends StampedEventInvariant {
    VectorMatchesCausality() {
      super(
          VECTOR_MATCHES_CAUSALITY,
          "One event's vector clock is below another's exactly when it happened before it;"
              + " concurrent events have incomparable vector clocks.",
          stamps -> stamps.vector() != null);
    }

    @Override
    void check(InvariantContext context, StampLog.New event) {
      var vector = event.entry().stamps().vector();
      for (NodeId other : context.nodes()) {
        StampLog.Entry before = log.latestBefore(other, event);
        if (before != null && !before.stamps().vector().happenedBefore(vector)) {
          context.fail(
              event.node(),
              "vector "
                  + vector
                  + " is not above "
                  + before.stamps().vector()
                  + ", the vector of "
                  + predecessorAt(other, event));
          return;
        }
        for (StampLog.Entry concurrent : log.concurrentWith(other, event)) {
          CausalOrder order = concurrent.stamps().vector().compare(vector);
          if (order != CausalOrder.CONCURRENT) {
            context.fail(
                event.node(),
                "vector "
                    + vector
                    + switch (order.reversed()) {
                      case BEFORE -> " is below ";
                      case AFTER -> " is above ";
                      default -> " equals ";
                    }
                    + concurrent.stamps().vector()
                    + ", the vector of a concurrent event at "
                    + other
                    + "; concurrent events need incomparable vectors");
            return;
          }
        }
      }
    }
  }

  static final class HlcCausality extends StampedEventInvariant {
    HlcCausality() {
      super(
          HLC_CAUSALITY,
          "If event a happened before event b, a's hybrid timestamp is smaller.",
          stamps -> stamps.hlc() != null);
    }

    @Override
    void check(InvariantContext context, StampLog.New event) {
      Predecessor bad =
          firstUnorderedPredecessor(
              context, event, (before, after) -> before.hlc().isBefore(after.hlc()));
      if (bad != null) {
        context.fail(
            event.node(),
            "hybrid timestamp "
                + event.entry().stamps().hlc()
                + " is not after "
                + bad.entry().stamps().hlc()
                + ", the timestamp of "
                + predecessorAt(bad.node(), event));
      }
    }
  }

  static final class HlcPhysicalFloor extends StampedEventInvariant {
    HlcPhysicalFloor() {
      super(
          HLC_PHYSICAL_FLOOR,
          "A hybrid timestamp is never below its node's physical clock.",
          stamps -> stamps.hlc() != null);
    }

    @Override
    void check(InvariantContext context, StampLog.New event) {
      ClockStamps stamps = event.entry().stamps();
      if (stamps.hlc().wallNanos() < stamps.physicalNanos()) {
        context.fail(
            event.node(),
            "hybrid timestamp "
                + stamps.hlc()
                + " is below the physical clock "
                + stamps.physicalNanos());
      }
    }
  }

  static final class HlcBounded extends StampedEventInvariant {
    HlcBounded() {
      super(
          HLC_BOUNDED,
          "A hybrid timestamp's physical part never exceeds the largest physical clock reading in"
              + " its event's causal past, so it stays within the clock skew of physical time.",
          stamps -> stamps.hlc() != null);
    }

    @Override
    void check(InvariantContext context, StampLog.New event) {
      long bound = event.entry().maxPhysicalNanosSoFar();
      for (NodeId other : context.nodes()) {
        StampLog.Entry before = log.latestBefore(other, event);
        if (before != null) {
          bound = Math.max(bound, before.maxPhysicalNanosSoFar());
        }
      }
      long l = event.entry().stamps().hlc().wallNanos();
      if (l > bound) {
        context.fail(
            event.node(),
            "hybrid timestamp "
                + event.entry().stamps().hlc()
                + " runs "
                + (l - bound)
                + " ns ahead of every physical reading in its causal past");
      }
    }
  }
}
