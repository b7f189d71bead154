package faultline.exercises.e11_read_index;

import faultline.engine.check.Invariant;
import faultline.exercises.RaftExerciseBinding;
import faultline.protocols.history.LinearizabilityChecker;
import faultline.protocols.history.Model;
import faultline.protocols.raft.RaftConfig;
import faultline.protocols.raft.ReadMode;
import faultline.protocols.raft.check.RaftInvariants;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code "protocol": "exercise-read-index"}: the Raft servers and clients of {@code raft}, with
 * every one of its params, serving {@code get} by ReadIndex through your {@link ReadIndex} (the
 * {@code reads} param is ignored: reads are always ReadIndex here). Checked by Figure 3's
 * invariants after every event and by linearizability of the clients' history at the end.
 */
public final class ReadIndexBinding extends RaftExerciseBinding {
  public ReadIndexBinding() {
    super(
        "exercise-read-index",
        "exercise 11: Raft serving reads by ReadIndex through your ReadIndex",
        ReadIndexBinding::freshInvariants);
  }

  /** Figure 3's invariants, linearizability, and how many reads were answered. */
  private static List<Invariant> freshInvariants() {
    List<Invariant> invariants =
        new ArrayList<>(
            RaftInvariants.all(
                LinearizabilityChecker.of(Model.kv(), LinearizabilityChecker.DEFAULT_STATES_MAX)));
    invariants.add(new ReadsServed());
    return List.copyOf(invariants);
  }

  @Override
  protected RaftConfig configure(RaftConfig config) {
    return config.toBuilder().readMode(ReadMode.READ_INDEX).readRule(new ReadIndex()).build();
  }
}
