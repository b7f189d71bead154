package faultline.scenarios.shrink;

import java.util.ArrayList;
import java.util.List;

/**
 * A fault and the fault that undoes it, which shrinking keeps together: a partition and its heal, a
 * block and its unblock, a crash and its restart. A pause, a clock step, or a fault nothing undoes
 * is an episode of one. Dropping half an episode would leave a partition that never heals, a
 * different failure story; shortening an episode moves its second fault.
 *
 * @param faults one or two faults, in time order
 * @param drawn whether the faults were drawn from the seed ({@code randomFaults}) rather than
 *     scripted in the scenario, which the written scenario's comments say
 */
record Episode(List<TimedFault> faults, boolean drawn) {
  Episode {
    faults = List.copyOf(faults);
  }

  long startNanos() {
    return faults.getFirst().atNanos();
  }

  /** How long the episode holds: until its undoing fault, or a pause's duration; else zero. */
  long lengthNanos() {
    if (faults.size() == 2) {
      return faults.get(1).atNanos() - startNanos();
    }
    TimedFault only = faults.getFirst();
    return only.type().equals("pause") ? Faults.pauseNanos(only) : 0;
  }

  long endNanos() {
    return startNanos() + lengthNanos();
  }

  /** Whether its length can change: a pair, or a pause. */
  boolean hasLength() {
    return lengthNanos() > 0;
  }

  /** The same episode lasting {@code nanos} (a pair's undoing fault moves; a pause shortens). */
  Episode lasting(long nanos) {
    if (faults.size() == 2) {
      return new Episode(List.of(faults.get(0), faults.get(1).at(startNanos() + nanos)), drawn);
    }
    return new Episode(List.of(Faults.withPauseNanos(faults.getFirst(), nanos)), drawn);
  }

  /** The same episode, every fault {@code nanos} later. */
  Episode shiftedBy(long nanos) {
    List<TimedFault> moved = new ArrayList<>();
    for (TimedFault fault : faults) {
      moved.add(fault.at(fault.atNanos() + nanos));
    }
    return new Episode(moved, drawn);
  }

  /** The same episode with its first fault replaced (its second, if any, kept). */
  Episode withFirst(TimedFault first) {
    List<TimedFault> changed = new ArrayList<>(faults);
    changed.set(0, first);
    return new Episode(changed, drawn);
  }

  /** The episode with the faults after {@code untilNanos} left out (they would never happen). */
  Episode cutAt(long untilNanos) {
    return new Episode(
        faults.stream().filter(fault -> fault.atNanos() <= untilNanos).toList(), drawn);
  }
}
