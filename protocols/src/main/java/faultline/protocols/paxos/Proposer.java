package faultline.protocols.paxos;

import faultline.engine.node.NodeContext;
import faultline.engine.node.NodeId;
import faultline.protocols.paxos.PaxosMessage.Accept;
import faultline.protocols.paxos.PaxosMessage.Accepted;
import faultline.protocols.paxos.PaxosMessage.Prepare;
import faultline.protocols.paxos.PaxosMessage.Promise;
import java.util.ArrayList;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The proposer role (Paxos Made Simple §2.2): an attempt picks a ballot above every ballot seen,
 * sends prepare requests (phase 1), and once a phase-1 quorum has promised sends accept requests
 * with the value its {@link ValueChoice} picks (phase 2). It knows its value is chosen when a
 * phase-2 quorum has accepted it. An attempt ends early when a higher ballot shows up anywhere (a
 * rejection, or a request that reached this node's own acceptor): §2.3's "abandon" optimization;
 * the next attempt starts at once, or after a randomized {@link Backoff}. An attempt that takes
 * longer than the attempt timeout (a lost message) is retried the same way. The highest ballot
 * tried is synced to disk before its prepare requests leave, so a restarted proposer never reuses
 * one (§2.2: "a proposer must remember the highest-numbered proposal it has tried to issue").
 */
final class Proposer {
  static final String ROUND_KEY = "paxos.proposer.ballot";

  /** Where the proposer is in its attempt. */
  enum Phase {
    /** Before its start time. */
    IDLE,
    /** Phase 1: prepare requests sent, waiting for a quorum of promises. */
    PREPARING,
    /** Phase 2: accept requests sent, waiting for a quorum of acceptances. */
    ACCEPTING,
    /** Preempted: waiting out a randomized pause before the next attempt. */
    BACKING_OFF,
    /** A value is known to be chosen. */
    DONE
  }

  private final PaxosConfig config;
  private final ProposerSpec spec;
  private Phase phase = Phase.IDLE;
  private Ballot ballot = Ballot.NONE; // The current (or last) attempt.
  private Ballot highestSeen = Ballot.NONE;
  private final Map<NodeId, Promise> promises = new TreeMap<>();
  private final Set<NodeId> acceptances = new TreeSet<>();
  private String chosen;

  Proposer(PaxosConfig config, ProposerSpec spec) {
    this.config = config;
    this.spec = spec;
  }

  Phase phase() {
    return phase;
  }

  Ballot ballot() {
    return ballot;
  }

  void onStart(NodeContext<PaxosMessage, PaxosTimer> context) {
    highestSeen = context.storage().get(ROUND_KEY, Ballot.class).orElse(Ballot.NONE);
    long nowNanos = context.monotonicNanos();
    if (nowNanos >= spec.atNanos()) {
      startAttempt(context);
    } else {
      context.setTimer(PaxosTimer.PROPOSE_DUE, spec.atNanos() - nowNanos);
    }
  }

  void onTimer(NodeContext<PaxosMessage, PaxosTimer> context, PaxosTimer timer) {
    switch (timer) {
      case PROPOSE_DUE, BACKOFF_OVER -> startAttempt(context);
      case ATTEMPT_TIMEOUT -> {
        context.count("paxos.attemptTimeouts", 1);
        retry(context);
      }
    }
  }

  /**
   * The ballot rule, applied to every message before it is handled: a ballot above the current
   * attempt's means another proposer has overtaken it.
   */
  void observe(NodeContext<PaxosMessage, PaxosTimer> context, Ballot seen) {
    if (!seen.isAbove(highestSeen)) {
      return;
    }
    highestSeen = seen;
    if ((phase == Phase.PREPARING || phase == Phase.ACCEPTING) && seen.isAbove(ballot)) {
      context.count("paxos.preemptions", 1);
      retry(context);
    }
  }

  void onPromise(NodeContext<PaxosMessage, PaxosTimer> context, NodeId from, Promise promise) {
    if (phase != Phase.PREPARING || !promise.ballot().equals(ballot)) {
      return; // An answer to an earlier attempt, or a duplicate after the quorum.
    }
    promises.put(from, promise);
    if (promises.size() < config.quorums().phase1()) {
      return;
    }
    String value = config.valueChoice().choose(new ArrayList<>(promises.values()), spec.value());
    if (value == null) {
      throw new IllegalStateException("choose returned null instead of a value");
    }
    phase = Phase.ACCEPTING;
    context.count("paxos.roundTrips", 1);
    Accept accept = new Accept(ballot, value);
    for (NodeId acceptor : config.acceptors()) {
      context.send(acceptor, accept);
    }
  }

  void onAccepted(NodeContext<PaxosMessage, PaxosTimer> context, NodeId from, Accepted accepted) {
    if (phase != Phase.ACCEPTING || !accepted.ballot().equals(ballot)) {
      return;
    }
    acceptances.add(from);
    if (acceptances.size() >= config.quorums().phase2()) {
      finish(context, accepted.value());
    }
  }

  /** A value is chosen (this proposer's attempt succeeded, or this node's learner learned). */
  void finish(NodeContext<PaxosMessage, PaxosTimer> context, String value) {
    if (phase == Phase.DONE) {
      return;
    }
    if (phase == Phase.ACCEPTING) {
      context.count("paxos.roundTrips", 1); // Phase 2's round trip, however the news came.
    }
    phase = Phase.DONE;
    chosen = value;
    context.cancelTimer(PaxosTimer.ATTEMPT_TIMEOUT);
    context.cancelTimer(PaxosTimer.BACKOFF_OVER);
    context.cancelTimer(PaxosTimer.PROPOSE_DUE);
  }

  String chosen() {
    return chosen;
  }

  /** Ends the current attempt; the next starts now, or after a randomized pause. */
  private void retry(NodeContext<PaxosMessage, PaxosTimer> context) {
    if (!config.backoff().enabled()) {
      startAttempt(context);
      return;
    }
    phase = Phase.BACKING_OFF;
    context.cancelTimer(PaxosTimer.ATTEMPT_TIMEOUT);
    context.setTimer(PaxosTimer.BACKOFF_OVER, config.backoff().drawNanos(context.random()));
  }

  private void startAttempt(NodeContext<PaxosMessage, PaxosTimer> context) {
    ballot = config.ballotNumbering().above(highestSeen, context.self());
    highestSeen = Ballot.max(highestSeen, ballot);
    context.storage().put(ROUND_KEY, ballot);
    context.storage().sync(); // Never reuse a ballot after a restart.
    phase = Phase.PREPARING;
    promises.clear();
    acceptances.clear();
    context.count("paxos.attempts", 1);
    context.recordMax("paxos.roundMax", ballot.round());
    Prepare prepare = new Prepare(ballot);
    for (NodeId acceptor : config.acceptors()) {
      context.send(acceptor, prepare);
    }
    context.setTimer(PaxosTimer.ATTEMPT_TIMEOUT, config.attemptTimeoutNanos());
  }
}
