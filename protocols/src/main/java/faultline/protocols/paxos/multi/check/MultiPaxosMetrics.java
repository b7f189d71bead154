package faultline.protocols.paxos.multi.check;

import faultline.engine.check.InvariantContext;
import faultline.engine.check.Observer;
import faultline.engine.check.Percentiles;
import faultline.engine.check.Step;
import faultline.engine.lookup.LookupMap;
import faultline.engine.node.NodeId;
import faultline.protocols.paxos.multi.MultiPaxosMessage.Decision;
import faultline.protocols.paxos.multi.MultiPaxosServer;
import java.util.ArrayList;
import java.util.List;

/**
 * Never fails: measures what only a global view can, in true time, for the run's metrics, with the
 * same meanings as Raft's so that the two compare. The cluster has a leader while some live server
 * leads a ballot that a phase-2 quorum of live acceptors has promised (so that they would accept
 * its proposals); a leader cut off in a minority does not count. Each leaderless stretch that ends
 * is an election. Commit latency runs from the moment a leader first proposes a value in a slot to
 * the moment some server first learns a value chosen there.
 */
final class MultiPaxosMetrics implements Observer {
  private final int phase2Quorum;
  private final List<Long> electionNanos = new ArrayList<>();
  private final List<Long> commitLatencyNanos = new ArrayList<>();
  private final LookupMap<Long, Long> proposedAtNanos = new LookupMap<>();
  private final List<MultiPaxosServer> liveServers = new ArrayList<>(); // In node order.
  private long leaderlessSinceNanos; // -1 while someone leads.
  private long leaderlessNanos;
  private long commits;

  MultiPaxosMetrics(int phase2Quorum) {
    this.phase2Quorum = phase2Quorum;
  }

  @Override
  public String name() {
    return MultiPaxosInvariants.METRICS;
  }

  @Override
  public String description() {
    return "Never fails: measures time without a leader, election durations and commit latency"
        + " percentiles for the run's metrics.";
  }

  @Override
  public void afterEvent(InvariantContext context) {
    Step step = context.lastStep().orElse(null);
    MultiPaxosServer stepped =
        step == null ? null : context.node(step.node(), MultiPaxosServer.class).orElse(null);
    if (step == null || step.kind() == Step.Kind.START) {
      liveServers.clear();
      for (NodeId id : context.nodes()) {
        context.node(id, MultiPaxosServer.class).ifPresent(liveServers::add);
      }
    } else if (stepped == null) {
      return; // A client's step: no server changed.
    }
    trackLeadership(context);
    if (stepped != null) {
      trackCommits(context, stepped);
    }
  }

  private void trackLeadership(InvariantContext context) {
    boolean leads = MultiPaxosLeadership.hasLeader(liveServers, phase2Quorum);
    long now = context.nowNanos();
    if (!leads && leaderlessSinceNanos < 0) {
      leaderlessSinceNanos = now;
    } else if (leads && leaderlessSinceNanos >= 0) {
      electionNanos.add(now - leaderlessSinceNanos);
      leaderlessNanos += now - leaderlessSinceNanos;
      leaderlessSinceNanos = -1;
    }
  }

  private void trackCommits(InvariantContext context, MultiPaxosServer server) {
    for (long slot : server.proposedInLastStep()) {
      proposedAtNanos.putIfAbsent(slot, context.nowNanos());
    }
    for (Decision decision : server.learnedInLastStep()) {
      Long proposedAt = proposedAtNanos.remove(decision.slot());
      if (proposedAt != null) {
        commits++;
        commitLatencyNanos.add(context.nowNanos() - proposedAt);
      }
    }
  }

  @Override
  public void atEnd(InvariantContext context) {
    long now = context.nowNanos();
    if (leaderlessSinceNanos >= 0) {
      leaderlessNanos += now - leaderlessSinceNanos;
      context.recordMax("multipaxos.leaderlessAtEnd", 1);
    }
    context.count("multipaxos.leaderlessNanos", leaderlessNanos);
    context.count("multipaxos.elected", electionNanos.size());
    Percentiles.record(context, "multipaxos.election", electionNanos);
    context.count("multipaxos.commits", commits);
    Percentiles.record(context, "multipaxos.commitLatency", commitLatencyNanos);
  }
}
