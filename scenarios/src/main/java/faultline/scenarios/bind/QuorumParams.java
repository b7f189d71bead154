package faultline.scenarios.bind;

import faultline.protocols.paxos.Quorums;
import faultline.scenarios.parse.ParamReader;
import java.util.List;

/**
 * Reads a Paxos protocol's {@code quorums} object ({@code {"phase1": 4, "phase2": 2}}, each by
 * default a majority of the acceptors) and judges it: sizes out of range are errors, quorums that
 * do not intersect (Flexible Paxos' Q1 + Q2 > N) are errors unless the bug zoo allows them, and an
 * even number of acceptors with majority quorums is legal but earns a warning.
 */
final class QuorumParams {
  private QuorumParams() {}

  /** The quorums, and any warnings (located lines) added to {@code warnings}. */
  static Quorums read(
      ParamReader params, int acceptors, boolean allowNonIntersecting, List<String> warnings) {
    ParamReader quorums = params.object("quorums");
    int majority = acceptors / 2 + 1;
    int phase1 = (int) quorums.integer("phase1", majority, Integer.MIN_VALUE, Integer.MAX_VALUE);
    int phase2 = (int) quorums.integer("phase2", majority, Integer.MIN_VALUE, Integer.MAX_VALUE);
    checkSize(quorums, "phase1", phase1, acceptors);
    checkSize(quorums, "phase2", phase2, acceptors);
    if (phase1 + phase2 <= acceptors && !allowNonIntersecting) {
      throw quorums.error(
          quorums.has("phase2") ? "phase2" : "phase1",
          "Q1 + Q2 = "
              + (phase1 + phase2)
              + " does not exceed the "
              + acceptors
              + " acceptors, so a phase-1 quorum can miss every acceptor of a phase-2 quorum and"
              + " overwrite a chosen value; raise one of them, or plant the bug"
              + " non_intersecting_quorums to watch it happen");
    }
    boolean defaults = !quorums.has("phase1") && !quorums.has("phase2");
    if (defaults && acceptors % 2 == 0) {
      warnings.add(
          params
              .error(
                  "acceptors",
                  acceptors
                      + " acceptors need "
                      + majority
                      + " for a majority and tolerate as many failures as "
                      + (acceptors - 1)
                      + " would; use an odd number, or set quorums explicitly")
              .getMessage());
    }
    quorums.finish();
    return new Quorums(acceptors, phase1, phase2);
  }

  private static void checkSize(ParamReader quorums, String field, int size, int acceptors) {
    if (size < 1) {
      throw quorums.error(field, "a quorum needs at least 1 acceptor, not " + size);
    }
    if (size > acceptors) {
      throw quorums.error(
          field, "a quorum of " + size + " is larger than the " + acceptors + " acceptors");
    }
  }
}
