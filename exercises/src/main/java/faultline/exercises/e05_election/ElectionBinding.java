package faultline.exercises.e05_election;

import faultline.engine.check.Invariant;
import faultline.exercises.RaftExerciseBinding;
import faultline.protocols.history.LinearizabilityChecker;
import faultline.protocols.history.Model;
import faultline.protocols.raft.RaftConfig;
import faultline.protocols.raft.RaftNode;
import faultline.protocols.raft.check.RaftInvariants;
import java.util.List;

/**
 * {@code "protocol": "exercise-election"}: the {@code raft} protocol, its clients and every one of
 * its parameters and invariants, with servers that vote and time out by your {@link RaftElection}.
 */
public final class ElectionBinding extends RaftExerciseBinding {
  public ElectionBinding() {
    super(
        "exercise-election",
        "exercise 5: Raft whose servers vote and time out by your RaftElection",
        ElectionBinding::freshInvariants);
  }

  private static List<Invariant> freshInvariants() {
    return RaftInvariants.all(
        LinearizabilityChecker.of(Model.kv(), LinearizabilityChecker.DEFAULT_STATES_MAX));
  }

  @Override
  protected RaftNode server(RaftConfig config) {
    return new RaftNode(config, new RaftElection());
  }
}
