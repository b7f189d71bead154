package faultline.scenarios.bind;

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
 * Lamport, vector and hybrid logical clocks on every write.
 *
 * <pre>
 * "params": {
 *   "resolveBy": "wall" | "lamport" | "hlc",          // default "hlc"
 *   "writes": [{"at": "100ms", "node": "n1", "value": "a"}],
 *   "randomWrites": {"intervalMin": "50ms", "intervalMax": "300ms", "until": "5s"},
 *   "bugs": ["hlc_receive_ignores_remote"]            // the bug zoo; see RegisterBug
 * }
 * </pre>
 */
final class LwwRegisterBinding implements ProtocolBinding {
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
        Timestamping.valueOf(
            params
                .choice("resolveBy", "hlc", List.of("wall", "lamport", "hlc"))
                .toUpperCase(Locale.ROOT));
    List<RegisterConfig.ScriptedWrite> writes = new ArrayList<>();
    for (ParamReader write : params.objects("writes")) {
      long atNanos = write.durationNanos("at", -1);
      if (atNanos < 0) {
        throw write.error("at", "every scripted write needs an \"at\" time");
      }
      if (atNanos > runDurationNanos) {
        throw write.error("at", "the write is after the end of the run");
      }
      NodeId node = write.node("node");
      String value = write.string("value", null);
      if (value == null) {
        throw write.error("value", "every scripted write needs a \"value\"");
      }
      write.finish();
      writes.add(new RegisterConfig.ScriptedWrite(atNanos, node, value));
    }
    RegisterConfig.RandomWrites random = null;
    if (params.has("randomWrites")) {
      ParamReader reader = params.object("randomWrites");
      long minNanos = reader.durationNanos("intervalMin", 100_000_000);
      long maxNanos = reader.durationNanos("intervalMax", minNanos);
      long untilNanos = reader.durationNanos("until", runDurationNanos);
      if (minNanos <= 0) {
        throw reader.error("intervalMin", "must be longer than 0s");
      }
      if (maxNanos < minNanos) {
        throw reader.error("intervalMax", "must not be shorter than intervalMin");
      }
      reader.finish();
      random = new RegisterConfig.RandomWrites(minNanos, maxNanos, untilNanos);
    }
    EnumSet<RegisterBug> bugs = EnumSet.noneOf(RegisterBug.class);
    List<String> bugNames =
        Arrays.stream(RegisterBug.values())
            .map(bug -> bug.name().toLowerCase(Locale.ROOT))
            .toList();
    for (String bug : params.strings("bugs", bugNames)) {
      bugs.add(RegisterBug.valueOf(bug.toUpperCase(Locale.ROOT)));
    }
    params.finish();
    return new RegisterConfig(resolveBy, writes, random, bugs);
  }
}
