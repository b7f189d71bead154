package faultline.protocols.paxos.check;

import faultline.engine.lookup.LookupMap;
import faultline.engine.node.NodeId;
import faultline.protocols.paxos.Ballot;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Which values are chosen, by the definition (Paxos Made Simple §2.2; Lamport's TLA+ {@code
 * ChosenAt}): a value is chosen in a slot once a phase-2 quorum of acceptors has voted for it at
 * one ballot. Every vote ever cast counts, even one its acceptor later replaced or lost in a crash:
 * once chosen, always chosen.
 */
final class ChosenLedger {
  private final int quorum;
  private final LookupMap<Proposal, Set<NodeId>> voters = new LookupMap<>(); // Only looked up.
  private final LookupMap<Long, List<Chosen>> chosenBySlot = new LookupMap<>(); // Only looked up.

  private record Proposal(long slot, Ballot ballot, Object value) {}

  /** A value chosen in {@code slot} at {@code ballot} by the acceptors {@code by}. */
  record Chosen(long slot, Ballot ballot, Object value, SortedSet<NodeId> by) {
    String describe() {
      return Values.describe(value) + " at " + ballot + " by " + by;
    }
  }

  ChosenLedger(int phase2Quorum) {
    this.quorum = phase2Quorum;
  }

  /** Counts {@code vote}; returns what it made chosen, or null if it completed no quorum. */
  Chosen count(Vote vote) {
    Proposal proposal = new Proposal(vote.slot(), vote.ballot(), vote.value());
    Set<NodeId> by = voters.computeIfAbsent(proposal, p -> new TreeSet<>());
    if (!by.add(vote.acceptor()) || by.size() != quorum) {
      return null;
    }
    Chosen chosen =
        new Chosen(
            vote.slot(),
            vote.ballot(),
            vote.value(),
            Collections.unmodifiableSortedSet(new TreeSet<>(by)));
    chosenBySlot.computeIfAbsent(vote.slot(), s -> new ArrayList<>()).add(chosen);
    return chosen;
  }

  /** Everything chosen in {@code slot} so far, in the order it was chosen. */
  List<Chosen> chosen(long slot) {
    return chosenBySlot.getOrDefault(slot, List.of());
  }

  /** Whether {@code value} is chosen in {@code slot}. */
  boolean isChosen(long slot, Object value) {
    for (Chosen chosen : chosen(slot)) {
      if (chosen.value().equals(value)) {
        return true;
      }
    }
    return false;
  }
}
