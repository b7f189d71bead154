package faultline.protocols.raft;

/**
 * What a read waits for before a leader answers it ({@link ReadRule#admit}): the log index its
 * state machine must have applied, and the heartbeat round a majority must have acknowledged.
 *
 * @param readIndex the index the state machine must have applied (0: none)
 * @param round the heartbeat round that must be confirmed (0: none)
 */
public record ReadTicket(long readIndex, long round) {}
