package faultline.protocols.paxos;

import faultline.engine.node.DurableStorage;

/**
 * How an acceptor reads its state back after a boot or restart (Paxos Made Simple §3: "an acceptor
 * records its intended response in stable storage before actually sending the response"). {@link
 * #DURABLE} reads back what was written; {@link #FORGETS_PROMISE} is a bug-zoo strategy that
 * remembers what it accepted but not the promises it made beyond that.
 */
@FunctionalInterface
public interface AcceptorStore {
  /** The key of the acceptor's state on its disk. */
  String KEY = "paxos.acceptor";

  /** Reads back what was written. */
  AcceptorStore DURABLE =
      storage -> storage.get(KEY, AcceptorState.class).orElse(AcceptorState.INITIAL);

  /**
   * The bug: the promise is not read back, so a restarted acceptor has promised only the ballot of
   * the proposal it accepted, and may accept below a promise it made before the crash.
   */
  AcceptorStore FORGETS_PROMISE =
      storage -> {
        AcceptorState written = DURABLE.load(storage);
        return new AcceptorState(
            written.acceptedBallot(), written.acceptedBallot(), written.acceptedValue());
      };

  /** The acceptor's state as it restarts. */
  AcceptorState load(DurableStorage storage);

  /** Writes {@code state} to the page cache; the caller syncs when the rules say so. */
  static void write(DurableStorage storage, AcceptorState state) {
    storage.put(KEY, state);
  }
}
