package faultline.protocols.paxos;

import faultline.engine.node.NodeId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A single-decree Paxos cluster: who plays which role, the quorums, the proposers' timing, and the
 * strategies that hold the paper's rules (or, in the bug zoo and the exercises, other ones). Built
 * with {@link #builder}, which holds the only copy of the defaults.
 *
 * @param acceptors the acceptors, sorted
 * @param learners the learners, sorted
 * @param proposers the proposers, in node order
 * @param quorums the phase-1 and phase-2 quorum sizes
 * @param attemptTimeoutNanos how long an attempt may take before its proposer retries
 * @param backoff the pause after a preempted attempt
 * @param acceptorRules the acceptor's promise and accept rules
 * @param valueChoice the proposer's choice of value after phase 1
 * @param ballotNumbering how a proposer numbers its attempts
 * @param acceptorStore how an acceptor reads its state back after a restart
 * @param bugs the planted bugs, for the record (their strategies are already in place)
 */
public record PaxosConfig(
    List<NodeId> acceptors,
    List<NodeId> learners,
    List<ProposerSpec> proposers,
    Quorums quorums,
    long attemptTimeoutNanos,
    Backoff backoff,
    AcceptorRules acceptorRules,
    ValueChoice valueChoice,
    BallotNumbering ballotNumbering,
    AcceptorStore acceptorStore,
    Set<PaxosBug> bugs) {
  /** How long an attempt may take: several round trips on a 1-10 ms network. */
  public static final long DEFAULT_ATTEMPT_TIMEOUT_NANOS = 100_000_000L;

  public PaxosConfig {
    acceptors = List.copyOf(new TreeSet<>(acceptors));
    learners = List.copyOf(new TreeSet<>(learners));
    proposers = List.copyOf(proposers);
    bugs = bugs.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(bugs));
  }

  public static Builder builder(List<NodeId> acceptors) {
    return new Builder(acceptors);
  }

  public boolean isAcceptor(NodeId node) {
    return acceptors.contains(node);
  }

  public boolean isLearner(NodeId node) {
    return learners.contains(node);
  }

  /** The proposer that {@code node} plays, or null. */
  public ProposerSpec proposerOf(NodeId node) {
    for (ProposerSpec proposer : proposers) {
      if (proposer.node().equals(node)) {
        return proposer;
      }
    }
    return null;
  }

  /** Every value some proposer would like chosen: the only values that may be (validity). */
  public Set<String> proposedValues() {
    Set<String> values = new TreeSet<>();
    proposers.forEach(proposer -> values.add(proposer.value()));
    return Collections.unmodifiableSet(values);
  }

  /** Builds a configuration; every setting not given keeps the paper's default. */
  public static final class Builder {
    private final List<NodeId> acceptors;
    private List<NodeId> learners;
    private final List<ProposerSpec> proposers = new ArrayList<>();
    private int phase1Quorum;
    private int phase2Quorum;
    private boolean allowNonIntersecting;
    private long attemptTimeoutNanos = DEFAULT_ATTEMPT_TIMEOUT_NANOS;
    private Backoff backoff = Backoff.NONE;
    private AcceptorRules acceptorRules = AcceptorRules.PAPER;
    private ValueChoice valueChoice = ValueChoice.HIGHEST_ACCEPTED;
    private BallotNumbering ballotNumbering = BallotNumbering.UNIQUE;
    private AcceptorStore acceptorStore = AcceptorStore.DURABLE;
    private final Set<PaxosBug> bugs = EnumSet.noneOf(PaxosBug.class);

    private Builder(List<NodeId> acceptors) {
      this.acceptors = List.copyOf(acceptors);
      Quorums majority = Quorums.majority(Math.max(1, acceptors.size()));
      this.phase1Quorum = majority.phase1();
      this.phase2Quorum = majority.phase2();
    }

    /** The learners; by default every acceptor and every proposer. */
    public Builder learners(List<NodeId> nodes) {
      this.learners = List.copyOf(nodes);
      return this;
    }

    public Builder proposer(NodeId node, String value, long atNanos) {
      proposers.add(new ProposerSpec(node, value, atNanos));
      return this;
    }

    /** Flexible Paxos quorum sizes; by default a majority of the acceptors for both. */
    public Builder quorums(int phase1, int phase2) {
      this.phase1Quorum = phase1;
      this.phase2Quorum = phase2;
      return this;
    }

    public Builder attemptTimeoutNanos(long nanos) {
      this.attemptTimeoutNanos = nanos;
      return this;
    }

    public Builder backoff(Backoff pause) {
      this.backoff = pause;
      return this;
    }

    /** The acceptor's rules, for an exercise that plugs in its own. */
    public Builder acceptorRules(AcceptorRules rules) {
      this.acceptorRules = rules;
      return this;
    }

    /** The proposer's value choice, for an exercise that plugs in its own. */
    public Builder valueChoice(ValueChoice choice) {
      this.valueChoice = choice;
      return this;
    }

    Builder ballotNumbering(BallotNumbering numbering) {
      this.ballotNumbering = numbering;
      return this;
    }

    Builder acceptorStore(AcceptorStore store) {
      this.acceptorStore = store;
      return this;
    }

    Builder allowNonIntersectingQuorums() {
      this.allowNonIntersecting = true;
      return this;
    }

    /** Plants {@code bug}: replaces the strategy it lives in. */
    public Builder bug(PaxosBug bug) {
      bugs.add(bug);
      bug.plant(this);
      return this;
    }

    /**
     * @throws IllegalArgumentException on an impossible configuration: no acceptor, a quorum out of
     *     range, quorums that do not intersect (unless the bug is planted), a proposer twice
     */
    public PaxosConfig build() {
      Quorums quorums = new Quorums(acceptors.size(), phase1Quorum, phase2Quorum);
      if (!quorums.intersect() && !allowNonIntersecting) {
        throw new IllegalArgumentException(
            quorums.describe() + ": Q1 + Q2 must exceed the number of acceptors");
      }
      if (attemptTimeoutNanos <= 0) {
        throw new IllegalArgumentException("the attempt timeout must be positive");
      }
      Set<NodeId> proposerNodes = new TreeSet<>();
      for (ProposerSpec proposer : proposers) {
        if (!proposerNodes.add(proposer.node())) {
          throw new IllegalArgumentException(proposer.node() + " is listed as a proposer twice");
        }
      }
      List<NodeId> learnerNodes = learners;
      if (learnerNodes == null) {
        Set<NodeId> all = new TreeSet<>(acceptors);
        all.addAll(proposerNodes);
        learnerNodes = List.copyOf(all);
      }
      List<ProposerSpec> sorted = new ArrayList<>(proposers);
      sorted.sort((a, b) -> a.node().compareTo(b.node()));
      return new PaxosConfig(
          acceptors,
          learnerNodes,
          sorted,
          quorums,
          attemptTimeoutNanos,
          backoff,
          acceptorRules,
          valueChoice,
          ballotNumbering,
          acceptorStore,
          bugs);
    }
  }
}
