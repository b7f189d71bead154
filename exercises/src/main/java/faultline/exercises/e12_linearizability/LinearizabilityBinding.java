package faultline.exercises.e12_linearizability;

import faultline.engine.check.Invariant;
import faultline.exercises.RaftExerciseBinding;
import faultline.protocols.raft.check.RaftInvariants;
import java.util.List;

/**
 * {@code "protocol": "exercise-linearizability"}: the servers and clients of {@code raft}, with
 * every one of its params, whose clients' history {@code kv.linearizable} judges at the end with
 * your {@link LinearizabilitySearch}, key by key, instead of the simulator's checker. Run {@code
 * exercises/e12-stale-read} to watch your search catch a deposed leader's stale reads. The clients
 * must not append: a register has no append.
 */
public final class LinearizabilityBinding extends RaftExerciseBinding {
  public LinearizabilityBinding() {
    super(
        "exercise-linearizability",
        "exercise 12: Raft's key-value store, its history judged by your LinearizabilitySearch",
        LinearizabilityBinding::freshInvariants);
  }

  private static List<Invariant> freshInvariants() {
    return RaftInvariants.all(new StudentChecker());
  }
}
