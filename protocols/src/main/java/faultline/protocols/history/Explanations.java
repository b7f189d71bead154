package faultline.protocols.history;

import java.util.ArrayList;
import java.util.List;

/** The verdicts of {@link LinearizabilityChecker}, with the paragraph a student reads. */
final class Explanations {
  /** How many operations an explanation names before it says "and N more". */
  private static final int NAMED_MAX = 5;

  private Explanations() {}

  static CheckResult linearizable(int operationCount, int keyCount, long statesExplored) {
    String explanation =
        "Linearizable: all %d operations%s fit one sequential order that respects real time."
            .formatted(
                operationCount,
                keyCount > 1 ? " on " + keyCount + " keys, each key on its own," : "");
    return new CheckResult(
        CheckResult.Verdict.LINEARIZABLE, null, List.of(), List.of(), statesExplored, explanation);
  }

  static CheckResult notLinearizable(
      Model model, String key, LinearizationSearch.DeadEnd deadEnd, long statesExplored) {
    StringBuilder text = new StringBuilder("Not linearizable");
    if (key != null) {
      text.append(" (key ").append(Values.describe(key)).append(')');
    }
    int length = deadEnd.prefix().size();
    text.append(". The longest linearizable prefix found orders ")
        .append(length)
        .append(length == 1 ? " operation" : " operations")
        .append(" and leaves the ")
        .append(model.name())
        .append(" at ")
        .append(model.describe(deadEnd.state()))
        .append(". ");
    Operation first = deadEnd.blocked().getFirst();
    if (deadEnd.stranded()) {
      boolean one = deadEnd.blocked().size() == 1;
      text.append("But ")
          .append(named(deadEnd.blocked()))
          .append(one ? " has" : " have")
          .append(" not taken effect yet and ")
          .append(one ? "needs" : "need")
          .append(" the ")
          .append(model.name())
          .append(" at ")
          .append(model.describe(deadEnd.needed()))
          .append(", which no order of the operations left can produce from there.");
    } else {
      text.append("After it, ").append(at(first)).append(" must take effect next");
      if (deadEnd.concurrent().isEmpty()) {
        text.append(": it completed before any other remaining operation began. But its result")
            .append(" does not follow from that state.");
      } else {
        int count = deadEnd.concurrent().size();
        text.append(", alone or after some of the ")
            .append(count)
            .append(count == 1 ? " operation that overlaps it (" : " operations that overlap it (")
            .append(named(deadEnd.concurrent()))
            .append("), since it completed before the rest began. But no such order produces its")
            .append(" result.");
      }
    }
    text.append(" Every other order tried fails the same way or earlier.");
    List<Operation> unplaceable = new ArrayList<>(deadEnd.blocked());
    unplaceable.addAll(deadEnd.concurrent());
    return new CheckResult(
        CheckResult.Verdict.NOT_LINEARIZABLE,
        key,
        List.copyOf(unplaceable),
        deadEnd.prefix(),
        statesExplored,
        text.toString());
  }

  static CheckResult gaveUp(
      Model model,
      String key,
      int operationCount,
      LinearizationSearch.DeadEnd deadEnd,
      long statesExplored) {
    String where = key == null ? "" : " on key " + Values.describe(key);
    String explanation =
        ("Unknown: gave up after %d %s%s (%d operations) without deciding. Too many"
                + " concurrent operations have orders that the %s results do not rule out; raise"
                + " the state limit or check a shorter history.")
            .formatted(
                statesExplored,
                statesExplored == 1 ? "state" : "states",
                where,
                operationCount,
                model.name());
    List<Operation> unplaceable = new ArrayList<>();
    if (deadEnd != null) {
      unplaceable.addAll(deadEnd.blocked());
      unplaceable.addAll(deadEnd.concurrent());
    }
    return new CheckResult(
        CheckResult.Verdict.UNKNOWN,
        key,
        List.copyOf(unplaceable),
        deadEnd == null ? List.of() : deadEnd.prefix(),
        statesExplored,
        explanation);
  }

  /** An operation with where it sits in the history (1-based event numbers). */
  private static String at(Operation operation) {
    return operation.describe()
        + " (invoked at event "
        + (operation.invokeIndex() + 1)
        + ", completed at event "
        + (operation.completeIndex() + 1)
        + ")";
  }

  private static String named(List<Operation> operations) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < Math.min(NAMED_MAX, operations.size()); i++) {
      Operation operation = operations.get(i);
      text.append(i == 0 ? "" : "; ")
          .append(operation.completed() ? at(operation) : operation.describe());
    }
    if (operations.size() > NAMED_MAX) {
      text.append("; and ").append(operations.size() - NAMED_MAX).append(" more");
    }
    return text.toString();
  }
}
