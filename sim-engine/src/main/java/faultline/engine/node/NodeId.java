package faultline.engine.node;

import com.fasterxml.jackson.annotation.JsonValue;
import faultline.engine.Check;
import java.util.Comparator;
import java.util.regex.Pattern;

/**
 * The name of a node, such as {@code n1} or {@code client2}. Ordered by name, with runs of digits
 * compared as numbers, so that {@code n2} sorts before {@code n10}.
 */
public record NodeId(String name) implements Comparable<NodeId> {
  private static final Comparator<String> NATURAL = NodeId::compareNatural;
  // Compiled once: String.matches compiles its pattern on every call, and ids are made per run and
  // per read of a server's stored vote (1.2% of a sweep's run thread in a profile, 2026-12-05).
  private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,63}");

  public NodeId {
    Check.argument(
        name != null && NAME.matcher(name).matches(),
        "a node name starts with a letter and has at most 64 letters, digits, '_', '.' or '-': %s",
        name);
  }

  public static NodeId of(String name) {
    return new NodeId(name);
  }

  @JsonValue
  @Override
  public String name() {
    return name;
  }

  @Override
  public int compareTo(NodeId other) {
    return NATURAL.compare(name, other.name);
  }

  // Written out rather than the record's generated ones: leaders and invariants compare node ids
  // on every message, and these are plain calls the compiler inlines.
  @Override
  public boolean equals(Object other) {
    return this == other || other instanceof NodeId id && name.equals(id.name);
  }

  @Override
  public int hashCode() {
    return name.hashCode();
  }

  @Override
  public String toString() {
    return name;
  }

  // Allocation-free: servers keep TreeMaps keyed by NodeId, so this runs for nearly every message.
  private static int compareNatural(String a, String b) {
    if (a.equals(b)) {
      return 0;
    }
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      char ca = a.charAt(i);
      char cb = b.charAt(j);
      if (Character.isDigit(ca) && Character.isDigit(cb)) {
        int endA = digitsEnd(a, i);
        int endB = digitsEnd(b, j);
        int startA = leadingZerosEnd(a, i, endA);
        int startB = leadingZerosEnd(b, j, endB);
        int byLength = Integer.compare(endA - startA, endB - startB);
        if (byLength != 0) {
          return byLength;
        }
        for (int k = 0; k < endA - startA; k++) {
          int byDigit = a.charAt(startA + k) - b.charAt(startB + k);
          if (byDigit != 0) {
            return byDigit;
          }
        }
        i = endA;
        j = endB;
      } else {
        if (ca != cb) {
          return Character.compare(ca, cb);
        }
        i++;
        j++;
      }
    }
    int byRest = Integer.compare(a.length() - i, b.length() - j);
    return byRest != 0 ? byRest : a.compareTo(b); // Tie-break "n01" vs "n1" by the raw text.
  }

  private static int digitsEnd(String s, int from) {
    int end = from;
    while (end < s.length() && Character.isDigit(s.charAt(end))) {
      end++;
    }
    return end;
  }

  /**
   * Where the run of digits {@code [from, end)} starts once its leading zeros (not its last) go.
   */
  private static int leadingZerosEnd(String s, int from, int end) {
    int k = from;
    while (k < end - 1 && s.charAt(k) == '0') {
      k++;
    }
    return k;
  }
}
