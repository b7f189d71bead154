package faultline.protocols.kv;

/** How a server answered a client request. */
public enum ReplyStatus {
  /** Done; {@code value} is the result of a get, or the value a put, append or cas installed. */
  OK,
  /** The cas found another value (given as {@code value}): it certainly did not take effect. */
  CAS_MISMATCH,
  /** This server does not lead; retry at {@code leaderHint}, or elsewhere when that is null. */
  NOT_LEADER
}
