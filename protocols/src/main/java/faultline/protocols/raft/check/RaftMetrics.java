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
import java.util.Arrays;
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
  private final LongSamples electionNanos = new LongSamples();
  private final LongSamples commitLatencyNanos = new LongSamples();
  // When the leader of a term appended each entry not yet committed, by index: its term (0 for
  // none) and the time. Two arrays rather than an array of two per entry.
  private long[] appendedTerm = new long[64];
  private long[] appendedNanos = new long[64];
  private final List<RaftNode> liveServers = new ArrayList<>(); // In node order.
  private long leaderlessSinceNanos; // -1 while someone leads.
  private long leaderlessNanos;
  private long highestCommit;
  // The live servers' roles and terms when who leads was last worked out, in the list's order.
  private Role[] rolesSeen = new Role[0];
  private long[] termsSeen = new long[0];
  private SteppedServer stepped = new SteppedServer();

  @Override
  public String name() {
    return RaftInvariants.METRICS;
  }

  @Override
  public boolean readsCausalHistory() {
    return false;
  }

  @Override
  public String description() {
    return "Never fails: measures time without a leader, election durations and commit latency"
        + " percentiles for the run's metrics.";
  }

  /** Finds the stepped server through {@code shared}, as the run's Raft invariants do. */
  RaftMetrics sharing(SteppedServer shared) {
    this.stepped = shared;
    return this;
  }

  @Override
  public void afterEvent(InvariantContext context) {
    RaftNode server = stepped.server(context);
    trackLeadership(context, server);
    if (server != null) {
      trackCommits(context, server);
    }
  }

  /**
   * Who leads can change only when a server steps, boots or goes down; the last two are the only
   * events that change which server objects are live, so the list is re-read only then. Who leads
   * depends only on the live servers' roles and terms, so it is worked out again only when one of
   * them changed: most steps change neither.
   */
  private void trackLeadership(InvariantContext context, RaftNode server) {
    Step step = context.lastStep().orElse(null);
    if (step == null || step.kind() == Step.Kind.START) {
      liveServers.clear();
      for (NodeId id : context.nodes()) {
        context.node(id, RaftNode.class).ifPresent(liveServers::add);
      }
      rolesSeen = new Role[liveServers.size()];
      termsSeen = new long[liveServers.size()];
    } else if (server == null) {
      return; // A client's step: no server changed.
    } else if (!changedRoleOrTerm(server)) {
      return; // Who leads is what it was.
    }
    for (int i = 0; i < liveServers.size(); i++) {
      rolesSeen[i] = liveServers.get(i).role();
      termsSeen[i] = liveServers.get(i).currentTerm();
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

  /** Whether {@code server}'s role or term differs from when who leads was last worked out. */
  private boolean changedRoleOrTerm(RaftNode server) {
    for (int i = 0; i < liveServers.size(); i++) {
      if (liveServers.get(i) == server) {
        return rolesSeen[i] != server.role() || termsSeen[i] != server.currentTerm();
      }
    }
    return true; // Not among the live servers read at the last boot or fault: work it out.
  }

  private void trackCommits(InvariantContext context, RaftNode server) {
    RaftLog log = server.log();
    if (server.role() == Role.LEADER) {
      for (long index = log.lastIndex(); index > highestCommit; index--) {
        long term = log.term(index);
        if (term != server.currentTerm() || appendedTerm(index) == term) {
          break; // Older entries were seen when they were appended.
        }
        appended(index, term, context.nowNanos());
      }
    }
    long commit = Math.min(server.commitIndex(), log.lastIndex());
    for (long index = highestCommit + 1; index <= commit; index++) {
      long term = appendedTerm(index);
      if (term != 0 && term == log.term(index)) {
        commitLatencyNanos.add(context.nowNanos() - appendedNanos[(int) index]);
      }
      if (term != 0) {
        appendedTerm[(int) index] = 0; // Forgotten once committed.
      }
    }
    highestCommit = Math.max(highestCommit, commit);
  }

  /** The term of the entry the leader appended at {@code index} and not yet committed, or 0. */
  private long appendedTerm(long index) {
    return index < appendedTerm.length ? appendedTerm[(int) index] : 0;
  }

  private void appended(long index, long term, long nowNanos) {
    if (index > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("not a log index: " + index);
    }
    if (index >= appendedTerm.length) {
      int length =
          (int) Math.max(index + 1, Math.min(Integer.MAX_VALUE - 8, appendedTerm.length * 2L));
      appendedTerm = Arrays.copyOf(appendedTerm, length);
      appendedNanos = Arrays.copyOf(appendedNanos, length);
    }
    appendedTerm[(int) index] = term;
    appendedNanos[(int) index] = nowNanos;
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
    Percentiles.record(context, "raft.election", electionNanos.sorted());
    context.count("raft.commits", commitLatencyNanos.size());
    Percentiles.record(context, "raft.commitLatency", commitLatencyNanos.sorted());
  }
}
