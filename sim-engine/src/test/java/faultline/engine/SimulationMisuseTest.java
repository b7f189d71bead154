package faultline.engine;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import faultline.engine.fault.Fault;
import faultline.engine.fault.ScheduledFault;
import faultline.engine.node.NodeContext;
import faultline.engine.node.NodeId;
import faultline.engine.testing.Script;
import faultline.engine.testing.Tag;
import faultline.engine.testing.Text;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Mistakes a protocol author or a scenario builder can make fail loudly and early, instead of
 * silently changing a run: a context used after its handler returned, a fault naming no node.
 */
class SimulationMisuseTest {
  private static final NodeId N1 = NodeId.of("n1");
  private static final NodeId N2 = NodeId.of("n2");

  @Test
  void aContextKeptPastItsHandlerCannotHaveEffects() {
    List<NodeContext<Text, Tag>> kept = new ArrayList<>();
    Script script = new Script().onStart((node, context) -> kept.add(context));
    Simulation simulation =
        Simulation.builder().node(N1, script.factory()).limits(Limits.of(1_000)).build();
    simulation.run();

    assertThatThrownBy(() -> kept.getFirst().send(N1, new Text("late")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("n1 used its context after the handler returned");
  }

  @Test
  void aFaultNamingAnUnknownNodeIsRejectedAtBuild() {
    SimulationBuilder builder =
        Simulation.builder()
            .node(N1, new Script().factory())
            .fault(new ScheduledFault(10, new Fault.Crash(N2, false)));

    assertThatThrownBy(builder::build)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("names n2, which is not a node");
  }

  @Test
  void aPartitionGroupNamingAnUnknownNodeIsRejectedAtBuild() {
    SimulationBuilder builder =
        Simulation.builder()
            .node(N1, new Script().factory())
            .fault(new ScheduledFault(10, new Fault.Partition(List.of(List.of(N1), List.of(N2)))));

    assertThatThrownBy(builder::build).hasMessageContaining("names n2");
  }

  @Test
  void aThrowingHandlerIsReportedWithItsNodeInputTimeAndSeed() {
    Script script =
        new Script()
            .onStart((node, context) -> context.setTimer(new Tag("boom"), 5_000))
            .onTimer(
                (node, context, timer) -> {
                  throw new IllegalStateException("the student's bug");
                });
    Simulation simulation =
        Simulation.builder()
            .seed(77)
            .node(N1, script.factory())
            .limits(Limits.of(1_000_000))
            .build();

    assertThatThrownBy(simulation::run)
        .isInstanceOf(NodeFailure.class)
        .hasMessage(
            "n1 threw IllegalStateException while handling timer boom at 5000 ns (seed 77):"
                + " the student's bug")
        .hasCauseInstanceOf(IllegalStateException.class);
  }
}
