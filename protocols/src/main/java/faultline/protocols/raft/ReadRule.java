package faultline.protocols.raft;

/**
 * A leader's read path for reads served without a log entry ({@link ReadMode#READ_INDEX} and {@link
 * ReadMode#LEASE}): ReadIndex, §6.4 of Ongaro's dissertation ("Consensus: Bridging Theory and
 * Practice", 2014). The leader records its commit index as the read index (waiting first, if it has
 * not yet committed an entry of its own term, until it has: before that it does not know which of
 * its entries earlier leaders committed); it confirms with a heartbeat round that a majority still
 * follows it; and it answers once its state machine has applied the read index.
 *
 * <p>{@link ClientService} asks {@link #admit} when a read arrives, holds the read, and asks {@link
 * #mayServe} after every step that may let it through (a reply that confirms a round, an entry
 * applied), answering the reads it may serve in the order they arrived. A leader that steps down
 * drops the reads it holds; their clients time out and retry. Every {@code raft} scenario runs
 * {@link #PAPER}; exercise 11 plugs in a student's.
 */
public interface ReadRule {
  /** §6.4 as written: the read index is the commit index, or the leader's no-op if higher. */
  ReadRule PAPER =
      new ReadRule() {
        @Override
        public ReadTicket admit(ReadLeader leader) {
          long readIndex = Math.max(leader.commitIndex(), leader.firstIndexOfTerm());
          return new ReadTicket(readIndex, leader.requestRound());
        }

        @Override
        public boolean mayServe(ReadLeader leader, ReadTicket ticket) {
          return ticket.round() <= leader.confirmedRound()
              && ticket.readIndex() <= leader.lastApplied();
        }

        @Override
        public String toString() {
          return "ReadRule.PAPER";
        }
      };

  /** A read has arrived at {@code leader}: what it must wait for. */
  ReadTicket admit(ReadLeader leader);

  /** Whether a read admitted with {@code ticket} may be answered now, from the state machine. */
  boolean mayServe(ReadLeader leader, ReadTicket ticket);
}
