package faultline.protocols.raft;

import faultline.engine.Check;
import java.util.function.Supplier;

/**
 * The leader a {@link ReadRule} sees: a live view of the server's state, and the heartbeat rounds
 * of its {@link ClientService}. A round may be asked for only while a read is being admitted, so a
 * rule cannot start one from {@link ReadRule#mayServe}, which runs after every reply.
 */
final class ServerReadLeader implements ReadLeader {
  private final ServerState state;
  private final ClientService clients;
  private boolean admitting;

  ServerReadLeader(ServerState state, ClientService clients) {
    this.state = state;
    this.clients = clients;
  }

  /** Runs {@code admit} with rounds allowed. */
  ReadTicket admitting(Supplier<ReadTicket> admit) {
    admitting = true;
    try {
      ReadTicket ticket = admit.get();
      Check.state(ticket != null, "%s: the read rule admitted a read with no ticket", self());
      return ticket;
    } finally {
      admitting = false;
    }
  }

  @Override
  public long currentTerm() {
    return state.currentTerm();
  }

  @Override
  public long commitIndex() {
    return state.commitIndex();
  }

  @Override
  public long lastApplied() {
    return state.lastApplied();
  }

  @Override
  public long firstIndexOfTerm() {
    return state.leader().noOpIndex();
  }

  @Override
  public LogView log() {
    return LogView.of(state.log());
  }

  @Override
  public long requestRound() {
    Check.state(admitting, "%s: the read rule asked for a heartbeat round outside admit", self());
    return clients.requestRound();
  }

  @Override
  public long confirmedRound() {
    return state.leader().confirmedRound();
  }

  private Object self() {
    return state.context().self();
  }
}
