package faultline.scenarios.bind;

import static faultline.engine.time.Nanos.MILLI;

import faultline.engine.check.Invariant;
import faultline.engine.node.NodeFactory;
import faultline.engine.node.NodeId;
import faultline.protocols.clocks.ClockInvariants;
import faultline.protocols.register.RegisterBug;
import faultline.protocols.register.RegisterConfig;
import faultline.protocols.register.RegisterInvariants;
import faultline.protocols.register.RegisterNode;
import faultline.protocols.register.Timestamping;
import faultline.scenarios.model.Scenario;
import faultline.scenarios.parse.ParamReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * {@code "protocol": "lww-register"}: a last-writer-wins register replicated by broadcast, with
 * Lamport, vector and hybrid logical clocks on every write. Parameters: {@link #PARAMETERS}.
 */
public final class LwwRegisterBinding implements ProtocolBinding {
  static final Parameters PARAMETERS = new Parameters();
  private static final Parameter RESOLVE_BY =
      PARAMETERS.choice(
          "resolveBy",
          "hlc",
          List.of("wall", "lamport", "hlc"),
          "the timestamp last-writer-wins compares (ties break by writer name)");
  private static final Parameter WRITES =
      PARAMETERS.objects(
          "writes",
          "scripted writes; at is on the writer's monotonic clock, which is true time for a node"
              + " without drift");
  private static final Parameter WRITE_AT =
      WRITES.fields().requiredDuration("at", "when the node writes");
  private static final Parameter WRITE_NODE = WRITES.fields().node("node", "the writer");
  private static final Parameter WRITE_VALUE =
      WRITES.fields().requiredString("value", "the value it writes");
  private static final Parameter RANDOM_WRITES =
      PARAMETERS.object(
          "randomWrites",
          "when given, every node writes after random intervals (drawn from its own stream)"
              + " until randomWrites.until; values are n1-1, n1-2, ...");
  private static final Parameter RANDOM_INTERVAL_MIN =
      RANDOM_WRITES.fields().duration("intervalMin", 100 * MILLI, "the least interval");
  private static final Parameter RANDOM_INTERVAL_MAX =
      RANDOM_WRITES
          .fields()
          .duration("intervalMax", Parameters.computed("intervalMin"), "the greatest interval");
  private static final Parameter RANDOM_UNTIL =
      RANDOM_WRITES
          .fields()
          .duration(
              "until", Parameters.computed("the end of the run"), "no write starts after this");
  private static final Parameter BUGS =
      PARAMETERS.choices(
          "bugs",
          Arrays.stream(RegisterBug.values())
              .map(bug -> bug.name().toLowerCase(Locale.ROOT))
              .toList(),
          "the bug zoo: planted clock mistakes the invariants must catch");

  @Override
  public String name() {
    return "lww-register";
  }

  @Override
  public String summary() {
    return "a last-writer-wins register replicated by broadcast, stamped with Lamport, vector and"
        + " hybrid logical clocks";
  }

  @Override
  public Parameters parameters() {
    return PARAMETERS;
  }

  @Override
  public SortedMap<String, String> invariants() {
    return ProtocolBinding.describe(allInvariants());
  }

  private static List<Invariant> allInvariants() {
    List<Invariant> all = new ArrayList<>(ClockInvariants.all());
    all.addAll(RegisterInvariants.all());
    return all;
  }

  @Override
  public Setup bind(Scenario scenario) {
    RegisterConfig config = readConfig(scenario.params(), scenario.run().durationNanos());
    TreeMap<NodeId, NodeFactory> factories = new TreeMap<>();
    for (NodeId node : scenario.nodes()) {
      factories.put(node, id -> new RegisterNode(config));
    }
    return new Setup(factories, allInvariants());
  }

  static RegisterConfig readConfig(ParamReader params, long runDurationNanos) {
    Timestamping resolveBy =
        Timestamping.valueOf(RESOLVE_BY.choice(params).toUpperCase(Locale.ROOT));
    List<RegisterConfig.ScriptedWrite> writes = new ArrayList<>();
    for (ParamReader write : WRITES.objects(params)) {
      long atNanos = WRITE_AT.durationNanos(write, -1);
      if (atNanos < 0) {
        throw WRITE_AT.error(write, "every scripted write needs an \"at\" time");
      }
      if (atNanos > runDurationNanos) {
        throw WRITE_AT.error(write, "the write is after the end of the run");
      }
      NodeId node = WRITE_NODE.node(write);
      String value = WRITE_VALUE.string(write, null);
      if (value == null) {
        throw WRITE_VALUE.error(write, "every scripted write needs a \"value\"");
      }
      write.finish();
      writes.add(new RegisterConfig.ScriptedWrite(atNanos, node, value));
    }
    RegisterConfig.RandomWrites random = null;
    if (RANDOM_WRITES.isSetIn(params)) {
      ParamReader reader = RANDOM_WRITES.object(params);
      long minNanos = RANDOM_INTERVAL_MIN.durationNanos(reader);
      long maxNanos = RANDOM_INTERVAL_MAX.durationNanos(reader, minNanos);
      long untilNanos = RANDOM_UNTIL.durationNanos(reader, runDurationNanos);
      if (minNanos <= 0) {
        throw RANDOM_INTERVAL_MIN.error(reader, "must be longer than 0s");
      }
      if (maxNanos < minNanos) {
        throw RANDOM_INTERVAL_MAX.error(reader, "must not be shorter than intervalMin");
      }
      reader.finish();
      random = new RegisterConfig.RandomWrites(minNanos, maxNanos, untilNanos);
    }
    EnumSet<RegisterBug> bugs = EnumSet.noneOf(RegisterBug.class);
    for (String bug : BUGS.choices(params)) {
      bugs.add(RegisterBug.valueOf(bug.toUpperCase(Locale.ROOT)));
    }
    params.finish();
    return new RegisterConfig(resolveBy, writes, random, bugs);
  }
}
