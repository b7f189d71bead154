package faultline.protocols.raft.check;

import faultline.engine.check.InvariantContext;
import faultline.engine.check.Observer;
import faultline.engine.check.Percentiles;
import faultline.engine.check.Step;
import faultline.engine.node.NodeId;
import faultline.protocols.raft.RaftLog;
import faultline.protocols.raft.RaftNode;
import faultline.protocols.raft.Role;
import java.util.ArrayList;
import java.util.List;

/**
 * Never fails: measures what only a global view can, in true time, for the run's metrics. The
 * cluster has a leader while some server leads a term that a majority of servers share as its
 * followers; a leader cut off in a minority does not count. A leaderless period therefore starts
 * when a leader crashes or when a newer term begins (not when a partition falls, which no server
 * can see at once), and each one that ends is an election. Commit latency runs from the moment a
 * leader appends an entry to the moment some server's commit index first covers it. Percentiles are
 * computed at the end of the run and recorded as metrics of their own.
 */
final class RaftMetrics implements Observer {
  private final List<Long> electionNanos = new ArrayList<>();
  private final List<Long> commitLatencyNanos = new ArrayList<>();
  private final ByIndex<long[]> appendedAt = new ByIndex<>(); // index -> {term, time}
  private final List<RaftNode> liveServers = new ArrayList<>(); // In node order.
  private long leaderlessSinceNanos; // -1 while someone leads.
  private long leaderlessNanos;
  private long highestCommit;

  @Override
  public String name() {
    return RaftInvariants.METRICS;
  }

  @Override
  public String description() {
    return "Never fails: measures time without a leader, election durations and commit latency"
        + " percentiles for the run's metrics.";
  }

  @Override
  public void afterEvent(InvariantContext context) {
    trackLeadership(context);
    RaftNode server = ServerSteps.server(context, ServerSteps.steppedId(context));
    if (server != null) {
      trackCommits(context, server);
    }
  }

  /**
   * Who leads can change only when a server steps, boots or goes down; the last two are the only
   * events that change which server objects are live, so the list is re-read only then.
   */
  private void trackLeadership(InvariantContext context) {
    Step step = context.lastStep().orElse(null);
    if (step == null || step.kind() == Step.Kind.START) {
      liveServers.clear();
      for (NodeId id : context.nodes()) {
        context.node(id, RaftNode.class).ifPresent(liveServers::add);
      }
    } else if (context.node(step.node(), RaftNode.class).isEmpty()) {
      return; // A client's step: no server changed.
    }
    boolean leads = Leadership.leader(liveServers) != null;
    long now = context.nowNanos();
    if (!leads && leaderlessSinceNanos < 0) {
      leaderlessSinceNanos = now;
    } else if (leads && leaderlessSinceNanos >= 0) {
      electionNanos.add(now - leaderlessSinceNanos);
      leaderlessNanos += now - leaderlessSinceNanos;
      leaderlessSinceNanos = -1;
    }
  }

  private void trackCommits(InvariantContext context, RaftNode server) {
    RaftLog log = server.log();
    if (server.role() == Role.LEADER) {
      for (long index = log.lastIndex(); index > highestCommit; index--) {
        long term = log.term(index);
        long[] seen = appendedAt.get(index);
        if (term != server.currentTerm() || (seen != null && seen[0] == term)) {
          break; // Older entries were seen when they were appended.
        }
        appendedAt.put(index, new long[] {term, context.nowNanos()});
      }
    }
    long commit = Math.min(server.commitIndex(), log.lastIndex());
    for (long index = highestCommit + 1; index <= commit; index++) {
      long[] seen = appendedAt.remove(index);
      if (seen != null && seen[0] == log.term(index)) {
        commitLatencyNanos.add(context.nowNanos() - seen[1]);
      }
    }
    highestCommit = Math.max(highestCommit, commit);
  }

  @Override
  public void atEnd(InvariantContext context) {
    long now = context.nowNanos();
    if (leaderlessSinceNanos >= 0) {
      leaderlessNanos += now - leaderlessSinceNanos;
      context.recordMax("raft.leaderlessAtEnd", 1);
    }
    context.count("raft.leaderlessNanos", leaderlessNanos);
    context.count("raft.elected", electionNanos.size());
    Percentiles.record(context, "raft.election", electionNanos);
    context.count("raft.commits", commitLatencyNanos.size());
    Percentiles.record(context, "raft.commitLatency", commitLatencyNanos);
  }
}
