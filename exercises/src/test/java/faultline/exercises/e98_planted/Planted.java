package faultline.exercises.e98_planted;

import faultline.engine.node.TimerTag;
import java.io.File;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Small classes in an exercise package that no list ever named, each breaking one determinism rule
 * on purpose, and a twin that keeps them all, for {@code ExercisePackagesTest}. Never used.
 */
public final class Planted {
  private Planted() {}

  /** Reads the real clock. */
  public static final class ReadsTheClock {
    long now() {
      return System.nanoTime();
    }
  }

  /** Starts a thread. */
  public static final class StartsAThread {
    void later(Runnable work) {
      new Thread(work).start();
    }
  }

  /** Draws from an unseeded generator. */
  public static final class DrawsUnseeded {
    int jitter() {
      return new Random().nextInt(10);
    }
  }

  /** Touches a file. */
  public static final class TouchesAFile {
    boolean saved() {
      return new File("state.bin").exists();
    }
  }

  /** Reads the environment. */
  public static final class ReadsTheEnvironment {
    String home() {
      return System.getenv("HOME");
    }
  }

  /** Uses a Math function that may differ by platform. */
  public static final class PlatformMath {
    double backoff(double attempt) {
      return Math.log(attempt);
    }
  }

  /** Iterates a hash order. */
  public static final class IteratesAHashMap {
    List<String> keys() {
      Map<String, Integer> votes = new HashMap<>();
      return new ArrayList<>(votes.keySet());
    }
  }

  /** A timer tag whose text is an identity hash code. */
  public static final class IdentityTimer implements TimerTag {}

  /** Reads a stream. */
  public static final class ReadsAStream {
    Object input() {
      return new StringReader("");
    }
  }

  /** Keeps every rule: a seeded draw comes in, an ordered map, StrictMath, an enum timer. */
  public static final class KeepsTheRules {
    /** A timer named by its constant. */
    public enum Due implements TimerTag {
      HEARTBEAT
    }

    double backoff(double attempt, long draw) {
      Map<String, Long> votes = new TreeMap<>();
      votes.put("n1", draw);
      return StrictMath.log(attempt) + votes.size();
    }
  }
}
