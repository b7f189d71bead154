package faultline.protocols.register;

import faultline.protocols.clocks.ClockStamps;
import java.util.SortedMap;

/**
 * What a replica's {@code state} trace event shows: the value it holds, who wrote it, and the
 * node's three clocks after the event, for the timeline's inspector.
 */
public record RegisterView(
    String value,
    String writer,
    long lamport,
    SortedMap<String, Long> vector,
    long hlcWallNanos,
    long hlcLogical) {
  public static RegisterView of(Write kept, ClockStamps clocks) {
    return new RegisterView(
        kept.value(),
        kept.origin().name(),
        clocks.lamport().time(),
        clocks.vector().entries(),
        clocks.hlc().wallNanos(),
        clocks.hlc().logical());
  }
}
