package faultline.exercises.grading;

import java.util.List;

/**
 * What an exercise's student code must not reach: the simulator's own implementation of the rule
 * the student writes. {@code classes} are refused whole (with their nested classes); {@code
 * members} are {@code owner#name} (a method of any signature, or a field) of a class the student
 * may otherwise use, such as the interface they implement ({@code ElectionRules#paper}) or a record
 * they read ({@code LamportClock#receive}).
 *
 * @param reason why the exercise declares nothing, when it does ({@code e04} writes with the clock
 *     the course already built, so that clock is allowed)
 */
public record ReferenceCode(List<String> classes, List<String> members, String reason) {
  public ReferenceCode {
    classes = List.copyOf(classes);
    members = List.copyOf(members);
  }

  /** Refuses {@code classes} whole and {@code members} one by one. */
  public static ReferenceCode of(List<String> classes, List<String> members) {
    return new ReferenceCode(classes, members, "");
  }

  /** Nothing in the simulator implements what this exercise asks, for {@code reason}. */
  public static ReferenceCode none(String reason) {
    return new ReferenceCode(List.of(), List.of(), reason);
  }

  /** Whether an exercise said nothing: an exercise must always declare, if only {@link #none}. */
  public boolean undeclared() {
    return classes.isEmpty() && members.isEmpty() && reason.isBlank();
  }
}
