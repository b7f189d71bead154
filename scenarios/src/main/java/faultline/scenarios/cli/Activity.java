package faultline.scenarios.cli;

import java.util.function.Supplier;

/**
 * What the command is doing right now, in a few words ("running raft/random-faults: 3.2s of 60s
 * virtual time, 1,234,567 events"): the progress line shows it on a terminal, and when the command
 * is interrupted or runs out of memory, the message says where it was. Commands set it as they go;
 * it is read from other threads, so the description is computed from volatile state only.
 */
public final class Activity {
  private static volatile Supplier<String> current = () -> null;

  private Activity() {}

  /** From now on, the command is doing what {@code description} says (null: nothing to say). */
  public static void set(Supplier<String> description) {
    current = description;
  }

  /** The same, for a fixed text. */
  public static void set(String description) {
    current = () -> description;
  }

  public static void clear() {
    current = () -> null;
  }

  /** What the command is doing, or null. */
  public static String describe() {
    try {
      return current.get();
    } catch (RuntimeException e) {
      return null; // A description is a courtesy; it must never be why a command fails.
    }
  }
}
