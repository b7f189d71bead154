package faultline.scenarios.bind;

import faultline.engine.node.NodeId;
import faultline.protocols.paxos.Backoff;
import faultline.protocols.paxos.PaxosBug;
import faultline.protocols.paxos.PaxosConfig;
import faultline.protocols.paxos.Quorums;
import faultline.scenarios.parse.ParamReader;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Reads the {@code paxos} protocol's parameters strictly, with the defaults of {@link
 * PaxosConfig.Builder}, and says which legal settings are unwise. See {@link PaxosBinding} for the
 * list. Public so that an exercise that runs Paxos with a student's rules reads the same ones.
 */
public final class PaxosParams {
  /**
   * Every parameter of {@code "protocol": "paxos"}. The reader below still reads by name; the
   * bindings' contract test checks every read against this table (type, default, limits).
   */
  public static final Parameters PARAMETERS = new Parameters();

  static {
    PARAMETERS.nodes("acceptors", Parameters.computed("every node"), "the acceptors; at least one");
    PARAMETERS.choices(
        "bugs", PaxosBug.labels(), "the bug zoo: planted mistakes the invariants must catch");
    Parameter quorums =
        PARAMETERS.object(
            "quorums",
            "quorum sizes (Flexible Paxos): they must intersect, Q1 + Q2 > the acceptors, unless"
                + " the bug non_intersecting_quorums is planted");
    quorums
        .fields()
        .integer(
            "phase1",
            Parameters.computed("a majority of the acceptors"),
            Integer.MIN_VALUE,
            Integer.MAX_VALUE,
            "acceptors a proposer needs promises from (phase 1)");
    quorums
        .fields()
        .integer(
            "phase2",
            Parameters.computed("a majority of the acceptors"),
            Integer.MIN_VALUE,
            Integer.MAX_VALUE,
            "acceptors that must accept a value for it to be chosen (phase 2)");
    PARAMETERS.nodes(
        "learners",
        Parameters.computed("every acceptor and proposer"),
        "the nodes that learn the chosen value");
    Parameter proposers = PARAMETERS.objects("proposers", "the proposers; at least one");
    proposers.fields().node("node", "the proposer's node, listed once");
    proposers
        .fields()
        .string(
            "value", Parameters.computed("\"v-\" and the node's name"), "the value it proposes");
    proposers.fields().duration("at", 0, "when it starts proposing");
    PARAMETERS.duration(
        "attemptTimeout",
        PaxosConfig.DEFAULT_ATTEMPT_TIMEOUT_NANOS,
        "an attempt (a ballot) that takes longer is retried with a higher ballot");
    Parameter backoff =
        PARAMETERS.object(
            "backoff",
            "a random pause before a preempted proposer retries; none by default (retry at once)");
    backoff.fields().duration("min", 0, "the least pause");
    backoff.fields().requiredDuration("max", "the greatest pause, longer than 0s");
  }

  private PaxosParams() {}

  /** The configuration builder (so a caller can still plug in rules), and the warnings. */
  public record Read(PaxosConfig.Builder builder, List<String> warnings) {
    public PaxosConfig config() {
      return builder.build();
    }
  }

  public static Read read(ParamReader params, List<NodeId> nodes) {
    List<String> warnings = new ArrayList<>();
    List<NodeId> acceptors = params.nodes("acceptors", nodes);
    if (acceptors.isEmpty()) {
      throw params.error("acceptors", "Paxos needs at least one acceptor");
    }
    List<PaxosBug> bugs = new ArrayList<>();
    for (String label : params.strings("bugs", PaxosBug.labels())) {
      bugs.add(PaxosBug.ofLabel(label));
    }
    Quorums quorums =
        QuorumParams.read(
            params, acceptors.size(), bugs.contains(PaxosBug.NON_INTERSECTING_QUORUMS), warnings);
    PaxosConfig.Builder builder =
        PaxosConfig.builder(acceptors).quorums(quorums.phase1(), quorums.phase2());
    bugs.forEach(builder::bug);
    if (params.has("learners")) {
      builder.learners(params.nodes("learners", List.of()));
    }
    readProposers(params, builder);
    long attemptTimeout =
        params.durationNanos("attemptTimeout", PaxosConfig.DEFAULT_ATTEMPT_TIMEOUT_NANOS);
    if (attemptTimeout <= 0) {
      throw params.error("attemptTimeout", "must be longer than 0s");
    }
    builder.attemptTimeoutNanos(attemptTimeout).backoff(readBackoff(params));
    params.finish();
    return new Read(builder, List.copyOf(warnings));
  }

  private static void readProposers(ParamReader params, PaxosConfig.Builder builder) {
    List<ParamReader> proposers = params.objects("proposers");
    if (proposers.isEmpty()) {
      throw params.error(
          "proposers", "list at least one proposer, like [{\"node\": \"n1\", \"value\": \"red\"}]");
    }
    TreeSet<NodeId> seen = new TreeSet<>();
    for (ParamReader proposer : proposers) {
      NodeId node = proposer.node("node");
      if (!seen.add(node)) {
        throw proposer.error("node", node + " is listed as a proposer twice");
      }
      String value = proposer.string("value", "v-" + node.name());
      if (value.isEmpty()) {
        throw proposer.error("value", "a proposed value must not be empty");
      }
      builder.proposer(node, value, proposer.durationNanos("at", 0));
      proposer.finish();
    }
  }

  private static Backoff readBackoff(ParamReader params) {
    if (!params.has("backoff")) {
      return Backoff.NONE;
    }
    ParamReader backoff = params.object("backoff");
    long min = backoff.durationNanos("min", 0);
    long max = backoff.durationNanos("max", -1);
    if (max < 0) {
      throw backoff.error("max", "a backoff needs a \"max\" pause, like \"50ms\"");
    }
    if (max == 0 || max < min) {
      throw backoff.error("max", "must be longer than 0s and not shorter than min");
    }
    backoff.finish();
    return new Backoff(min, max);
  }
}
