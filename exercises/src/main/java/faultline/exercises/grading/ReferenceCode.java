package faultline.exercises.grading;

import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What an exercise's student code must not reach: the simulator's own implementation of the rule
 * the student writes. {@code classes} are refused whole (with their nested classes); {@code
 * members} are {@code owner#name} (a method of any signature, or a field) of a class the student
 * may otherwise use, such as the interface they implement ({@code ElectionRules#paper}) or a record
 * they read ({@code LamportClock#receive}).
 *
 * @param reason why the exercise declares nothing, when it does ({@code e04} writes with the clock
 *     the course already built, so that clock is allowed)
 * @param allowed the interfaces of the protocols module that the student's code may call through
 *     ({@code faultline.protocols.raft.LogView}), each with why: the guard does not follow such a
 *     call into the simulator's implementations, so it refuses one through any other interface (the
 *     kernel's, {@code faultline.engine}, are always allowed)
 */
public record ReferenceCode(
    List<String> classes, List<String> members, String reason, SortedMap<String, String> allowed) {
  public ReferenceCode {
    classes = List.copyOf(classes);
    members = List.copyOf(members);
    allowed = Collections.unmodifiableSortedMap(new TreeMap<>(allowed));
  }

  /** Refuses {@code classes} whole and {@code members} one by one. */
  public static ReferenceCode of(List<String> classes, List<String> members) {
    return new ReferenceCode(classes, members, "", new TreeMap<>());
  }

  /** Nothing in the simulator implements what this exercise asks, for {@code reason}. */
  public static ReferenceCode none(String reason) {
    return new ReferenceCode(List.of(), List.of(), reason, new TreeMap<>());
  }

  /**
   * The same, and the student's code may call through {@code type}, an interface (dotted name), for
   * {@code why}: what its implementations in the simulator do, and why that is not the answer.
   */
  public ReferenceCode allowing(String type, String why) {
    SortedMap<String, String> more = new TreeMap<>(allowed);
    more.put(type, why);
    return new ReferenceCode(classes, members, reason, more);
  }

  /** Whether an exercise said nothing: an exercise must always declare, if only {@link #none}. */
  public boolean undeclared() {
    return classes.isEmpty() && members.isEmpty() && reason.isBlank();
  }
}
