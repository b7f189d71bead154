package faultline.scenarios.bind;

import static faultline.engine.time.Nanos.MILLI;

import faultline.engine.node.NodeFactory;
import faultline.engine.node.NodeId;
import faultline.protocols.truetime.TrueTimeBug;
import faultline.protocols.truetime.TrueTimeClient;
import faultline.protocols.truetime.TrueTimeConfig;
import faultline.protocols.truetime.TrueTimeServer;
import faultline.protocols.truetime.check.TrueTimeInvariants;
import faultline.scenarios.model.Scenario;
import faultline.scenarios.parse.ParamReader;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * {@code "protocol": "truetime"}: servers that commit clients' transactions at TrueTime timestamps,
 * with or without Spanner's commit wait. Parameters: {@link #PARAMETERS}.
 */
public final class TrueTimeBinding implements ProtocolBinding {
  static final Parameters PARAMETERS = new Parameters();
  private static final Parameter CLIENTS =
      PARAMETERS.requiredNodes(
          "clients", "the clients, each running one transaction after another");
  private static final Parameter SERVERS =
      PARAMETERS.nodes(
          "servers",
          Parameters.computed("every node not in clients"),
          "the servers that commit transactions");
  private static final Parameter EPSILON =
      PARAMETERS.duration(
          "epsilon",
          7 * MILLI,
          "the uncertainty of every server's TT.now(): [clock - epsilon, clock + epsilon]");
  private static final Parameter COMMIT_WAIT =
      PARAMETERS.bool(
          "commitWait",
          true,
          "whether a commit becomes visible only once TT.after(its timestamp) is true");
  private static final Parameter THINK =
      PARAMETERS.duration(
          "think",
          10 * MILLI,
          "how long a client waits after a commit before its next transaction");
  private static final Parameter ATTEMPT_TIMEOUT =
      PARAMETERS.duration(
          "attemptTimeout",
          200 * MILLI,
          "how long a client waits for a commit before it starts a new transaction elsewhere");
  private static final Parameter BUGS =
      PARAMETERS.choices(
          "bugs",
          LockParams.names(TrueTimeBug.values()),
          "the bug zoo: planted mistakes the invariants must catch");

  private static final TrueTimeConfig EXAMPLE =
      new TrueTimeConfig(
          List.of(NodeId.of("a")), List.of(NodeId.of("c")), MILLI, true, MILLI, MILLI, List.of());

  @Override
  public String name() {
    return "truetime";
  }

  @Override
  public String summary() {
    return "Spanner's commit wait: transactions timestamped by TrueTime intervals";
  }

  @Override
  public Parameters parameters() {
    return PARAMETERS;
  }

  @Override
  public SortedMap<String, String> invariants() {
    return ProtocolBinding.describe(TrueTimeInvariants.all(EXAMPLE));
  }

  @Override
  public Setup bind(Scenario scenario) {
    ParamReader params = scenario.params();
    List<NodeId> clients = CLIENTS.nodes(params, List.of());
    if (clients.isEmpty()) {
      throw CLIENTS.error(params, "at least one client is needed");
    }
    List<NodeId> others = new ArrayList<>(scenario.nodes());
    others.removeAll(clients);
    List<NodeId> servers = SERVERS.nodes(params, others);
    if (servers.isEmpty()) {
      throw SERVERS.error(params, "at least one server is needed");
    }
    for (NodeId server : servers) {
      if (clients.contains(server)) {
        throw SERVERS.error(params, server + " is also a client");
      }
    }
    long epsilon = positive(params, EPSILON);
    boolean commitWait = COMMIT_WAIT.bool(params);
    long think = THINK.durationNanos(params);
    long attemptTimeout = positive(params, ATTEMPT_TIMEOUT);
    EnumSet<TrueTimeBug> bugs = EnumSet.noneOf(TrueTimeBug.class);
    for (String bug : BUGS.choices(params)) {
      bugs.add(TrueTimeBug.valueOf(LockParams.constant(bug)));
    }
    params.finish();
    TrueTimeConfig config =
        new TrueTimeConfig(servers, clients, epsilon, commitWait, think, attemptTimeout, bugs);
    TreeMap<NodeId, NodeFactory> factories = new TreeMap<>();
    for (NodeId server : servers) {
      factories.put(server, id -> new TrueTimeServer(config));
    }
    for (NodeId client : clients) {
      factories.put(client, id -> new TrueTimeClient(config, id));
    }
    for (NodeId node : scenario.nodes()) {
      if (!factories.containsKey(node)) {
        throw CLIENTS.error(params, node + " is neither a server nor a client");
      }
    }
    return new Setup(factories, TrueTimeInvariants.all(config));
  }

  private static long positive(ParamReader params, Parameter parameter) {
    long nanos = parameter.durationNanos(params);
    if (nanos <= 0) {
      throw parameter.error(params, "must be longer than 0s");
    }
    return nanos;
  }
}
