package faultline.protocols.register;

/**
 * Classic clock mistakes that a scenario can plant on purpose (the bug zoo), to show that the
 * invariants catch them. Never on by default.
 */
public enum RegisterBug {
  /** On receipt, Lamport time ticks but does not take the max with the sender's (breaks IR2). */
  LAMPORT_RECEIVE_WITHOUT_MAX,
  /** On receipt, the vector clock ticks its own entry but does not merge the sender's. */
  VECTOR_RECEIVE_WITHOUT_MERGE,
  /** On receipt, the HLC is updated as for a local event, ignoring the sender's timestamp. */
  HLC_RECEIVE_IGNORES_REMOTE,
  /** The HLC never reads the physical clock: it degenerates into a Lamport clock on l. */
  HLC_IGNORES_PHYSICAL_CLOCK,
  /** On receipt, the HLC adds the message's one-way delay budget to l, running ahead of time. */
  HLC_ADDS_DELAY_ESTIMATE
}
