package faultline.exercises.e06_replication;

import faultline.engine.check.Invariant;
import faultline.exercises.RaftExerciseBinding;
import faultline.protocols.history.LinearizabilityChecker;
import faultline.protocols.history.Model;
import faultline.protocols.raft.RaftConfig;
import faultline.protocols.raft.ReplicationRules;
import faultline.protocols.raft.check.RaftInvariants;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code "protocol": "exercise-replication"}: the Raft servers and clients of {@code raft}, with
 * every one of its params, replicating with your {@link FollowerAppend} and committing with your
 * {@link LeaderCommit}. Checked by Figure 3's invariants after every event and by linearizability
 * of the clients' history at the end.
 */
public final class ReplicationBinding extends RaftExerciseBinding {
  public ReplicationBinding() {
    super(
        "exercise-replication",
        "exercise 6: Raft replicating with your FollowerAppend and committing with your"
            + " LeaderCommit",
        ReplicationBinding::freshInvariants);
  }

  /** Figure 3's invariants, linearizability, and how far the slowest server got. */
  private static List<Invariant> freshInvariants() {
    List<Invariant> invariants =
        new ArrayList<>(
            RaftInvariants.all(
                LinearizabilityChecker.of(Model.kv(), LinearizabilityChecker.DEFAULT_STATES_MAX)));
    invariants.add(new LeastApplied());
    return List.copyOf(invariants);
  }

  @Override
  protected RaftConfig configure(RaftConfig config) {
    return config.toBuilder()
        .replicationRules(new ReplicationRules(new FollowerAppend(), new LeaderCommit()))
        .build();
  }
}
