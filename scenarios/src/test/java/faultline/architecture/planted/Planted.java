package faultline.architecture.planted;

import faultline.engine.lookup.LookupMap;
import faultline.engine.node.NodeId;
import faultline.engine.node.TimerTag;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Small classes that break the determinism rules on purpose, each beside a twin that keeps them,
 * for {@code PlantedViolationsTest}. Never used by any code.
 */
public final class Planted {
  private Planted() {}

  /** Breaks the StrictMath rule. */
  public static final class PlatformMath {
    double backoff(double attempt) {
      return Math.pow(2, attempt) + Math.sin(attempt);
    }
  }

  /** Keeps it: StrictMath, and Math functions that are exact everywhere. */
  public static final class StrictMathOnly {
    double backoff(double attempt) {
      return StrictMath.pow(2, attempt) + Math.sqrt(attempt) + Math.max(attempt, 1);
    }
  }

  /** Breaks the hash-order rule: iterates a HashMap into a list that could reach a trace. */
  public static final class IteratesAHashMap {
    List<String> peers(Map<String, Integer> votes) {
      Map<String, Integer> copy = new HashMap<>(votes);
      return new ArrayList<>(copy.keySet());
    }
  }

  /** Breaks it with Set.of, whose order is salted per JVM. */
  public static final class IteratesASetOf {
    List<String> kinds() {
      return new ArrayList<>(Set.of("crash", "pause", "partition"));
    }
  }

  /** Breaks it with a collector that builds a HashSet. */
  public static final class CollectsToASet {
    Set<String> names(List<String> all) {
      return all.stream().collect(Collectors.toSet());
    }
  }

  /** Keeps it: ordered collections, one-element factories, and a lookup-only map. */
  public static final class OrderedCollections {
    private final LookupMap<String, Integer> index = new LookupMap<>();

    List<String> peers(Map<String, Integer> votes) {
      Map<String, Integer> sorted = new TreeMap<>(votes);
      Map<String, Integer> inOrder = new LinkedHashMap<>(sorted);
      index.put("one", Map.of("k", 1).size() + Set.of("x").size());
      Set<String> names = inOrder.keySet().stream().collect(Collectors.toCollection(TreeSet::new));
      return new ArrayList<>(names);
    }
  }

  /** Breaks the timer-tag rule: its text is Object.toString, an identity hash code. */
  public static final class IdentityTimer implements TimerTag {}

  /** Breaks it through a component: a record prints its parts, and an array prints its identity. */
  public record RetryDue(int attempt, long[] backoffs) implements TimerTag {}

  /** Keeps it: an enum, a record of stable parts, and a class with its own text. */
  public enum GossipDue implements TimerTag {
    GOSSIP_DUE
  }

  /** Keeps it. */
  public record ProbeDue(NodeId target, int round, String reason) implements TimerTag {}

  /** Keeps it. */
  public static final class NamedTimer implements TimerTag {
    @Override
    public String toString() {
      return "named";
    }
  }

  /** Breaks the no-threads rule: a count shared by every run, taken by an atomic add. */
  public static final class SharedCount {
    private static final VarHandle MADE;
    private static int made;

    static {
      try {
        MADE = MethodHandles.lookup().findStaticVarHandle(SharedCount.class, "made", int.class);
      } catch (ReflectiveOperationException e) {
        throw new ExceptionInInitializerError(e);
      }
    }

    int next() {
      return (int) MADE.getAndAdd(1);
    }
  }

  /** Keeps it: the count belongs to the object that takes it. */
  public static final class OwnCount {
    private int made;

    int next() {
      return made++;
    }
  }
}
