package faultline.exercises.e09_paxos;

import faultline.engine.check.Invariant;
import faultline.engine.node.NodeFactory;
import faultline.engine.node.NodeId;
import faultline.exercises.ExerciseBinding;
import faultline.protocols.paxos.PaxosConfig;
import faultline.protocols.paxos.PaxosNode;
import faultline.protocols.paxos.check.PaxosInvariants;
import faultline.scenarios.bind.Parameters;
import faultline.scenarios.bind.PaxosParams;
import faultline.scenarios.parse.ParamReader;
import java.util.List;

/**
 * {@code "protocol": "exercise-paxos"}: the {@code paxos} protocol with every one of its parameters
 * and invariants, whose acceptors follow your {@link PaxosAcceptor} and whose proposers choose
 * their value by your {@link ProposerValue}.
 */
public final class PaxosExerciseBinding extends ExerciseBinding {
  public PaxosExerciseBinding() {
    super(
        "exercise-paxos",
        "exercise 9: single-decree Paxos whose acceptors and proposers follow your rules",
        () -> PaxosInvariants.singleDecree(sample()));
  }

  private static PaxosConfig sample() {
    NodeId only = NodeId.of("n1");
    return PaxosConfig.builder(List.of(only)).proposer(only, "v", 0).build();
  }

  /** Every parameter of {@code paxos}. */
  @Override
  public Parameters parameters() {
    return PaxosParams.PARAMETERS;
  }

  @Override
  protected NodeFactory nodeFactory(ParamReader params, List<NodeId> nodes) {
    PaxosConfig config = config(params, nodes);
    return id -> new PaxosNode(config, id);
  }

  @Override
  protected List<Invariant> freshInvariants(ParamReader params, List<NodeId> nodes) {
    return PaxosInvariants.singleDecree(config(params, nodes));
  }

  private static PaxosConfig config(ParamReader params, List<NodeId> nodes) {
    return PaxosParams.read(params, nodes)
        .builder()
        .acceptorRules(new PaxosAcceptor())
        .valueChoice(new ProposerValue())
        .build();
  }
}
