package faultline.engine.check;

/**
 * An invariant that never fails: it only measures a run (elections, commit latency, how far the
 * slowest server got) and reports metrics. Saying so in its type lets tools tell it from a safety
 * property: the protocol bindings' contract test demands that every invariant can be shown
 * violated, except an observer, which by design never is.
 */
public interface Observer extends Invariant {}
