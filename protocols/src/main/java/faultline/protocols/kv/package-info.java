/**
 * The parts every replicated key-value protocol shares, so that a new protocol gets clients,
 * histories, {@code check}, {@code run --history} and the {@code kv.linearizable} invariant by
 * speaking {@link faultline.protocols.kv.KvMessage}: the operations ({@link
 * faultline.protocols.kv.KvOperation}) and the commands a log carries ({@link
 * faultline.protocols.kv.ClientCommand}), the state machine with at-most-once sessions ({@link
 * faultline.protocols.kv.KvStore}), the server's client-facing half ({@link
 * faultline.protocols.kv.KvReplica}), the workload ({@link faultline.protocols.kv.ClientWorkload})
 * and the client node that runs it ({@link faultline.protocols.kv.ClientNode}), and the history
 * they produce ({@link faultline.protocols.kv.HistoryCollector}, {@link
 * faultline.protocols.kv.Linearizable}).
 */
package faultline.protocols.kv;
