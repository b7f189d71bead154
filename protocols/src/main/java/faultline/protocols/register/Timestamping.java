package faultline.protocols.register;

/** Which timestamp last-writer-wins compares. */
public enum Timestamping {
  /** The writer's wall clock: simple, and wrong under skew. */
  WALL,
  /** Lamport time: respects causality, ignores real time. */
  LAMPORT,
  /** Hybrid logical clock: respects causality and stays close to physical time. */
  HLC
}
