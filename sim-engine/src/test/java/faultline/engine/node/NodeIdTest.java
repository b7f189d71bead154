package faultline.engine.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import faultline.engine.testing.Trials;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Node names and their natural order, which decides node indices, peer lists and every sorted map
 * that reaches a trace. How it works: fixed pairs pin the order people expect (n2 before n10);
 * generated names check that the order is a total order consistent with equality, because an
 * inconsistent comparator makes TreeMaps lose nodes and sorts depend on input order.
 */
class NodeIdTest {

  @Test
  void runsOfDigitsCompareAsNumbers() {
    assertThat(NodeId.of("n2")).isLessThan(NodeId.of("n10"));
    assertThat(NodeId.of("n9")).isLessThan(NodeId.of("n10"));
    assertThat(NodeId.of("n10")).isLessThan(NodeId.of("n11"));
    assertThat(NodeId.of("client2")).isLessThan(NodeId.of("client10"));
    assertThat(NodeId.of("n1a")).isLessThan(NodeId.of("n1b"));
    assertThat(NodeId.of("r2n10")).isLessThan(NodeId.of("r10n2"));
  }

  @Test
  void sortsAClusterTheWayPeopleCount() {
    List<NodeId> sorted =
        Stream.of("n10", "n2", "client1", "n1", "n100", "n3").map(NodeId::of).sorted().toList();
    assertThat(sorted)
        .extracting(NodeId::name)
        .containsExactly("client1", "n1", "n2", "n3", "n10", "n100");
  }

  @Test
  void leadingZerosTieBreakByTheRawTextSoDistinctNamesNeverCompareEqual() {
    NodeId padded = NodeId.of("n01");
    NodeId plain = NodeId.of("n1");
    assertThat(padded.compareTo(plain)).isNotZero();
    assertThat(Integer.signum(padded.compareTo(plain)))
        .isEqualTo(-Integer.signum(plain.compareTo(padded)));
    assertThat(padded).isGreaterThan(NodeId.of("n0")).isLessThan(NodeId.of("n2"));
  }

  @Test
  void aPrefixSortsFirst() {
    assertThat(NodeId.of("n")).isLessThan(NodeId.of("n1"));
    assertThat(NodeId.of("node")).isLessThan(NodeId.of("node-b"));
  }

  @Test
  void writesAsItsName() {
    assertThat(NodeId.of("n7")).hasToString("n7");
    assertThat(NodeId.of("n7")).isEqualTo(new NodeId("n7"));
  }

  @Test
  void acceptsTheDocumentedAlphabet() {
    assertThat(NodeId.of("a").name()).isEqualTo("a");
    assertThat(NodeId.of("Node_1.east-2").name()).isEqualTo("Node_1.east-2");
    assertThat(NodeId.of("n" + "x".repeat(63)).name()).hasSize(64);
  }

  @ParameterizedTest(name = "\"{0}\" is rejected")
  @ValueSource(
      strings = {"", "1n", "_n", "-n", ".n", "n 1", "n/1", "n:1", "né", "n\n", "n1\u0663", "n\"1"})
  void rejectsNamesOutsideTheAlphabet(String name) {
    assertThatThrownBy(() -> NodeId.of(name)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rejectsNullAndOverlongNames() {
    assertThatThrownBy(() -> NodeId.of(null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> NodeId.of("n" + "x".repeat(64)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void naturalOrderIsATotalOrderConsistentWithEquals() {
    Trials.forAll(
        "compareTo is antisymmetric, transitive and zero only for equal names",
        2_000,
        case_ -> {
          NodeId a = randomName(case_);
          NodeId b = randomName(case_);
          NodeId c = randomName(case_);
          assertThat(a.compareTo(b) == 0).as("%s vs %s", a, b).isEqualTo(a.equals(b));
          assertThat(Integer.signum(a.compareTo(b))).isEqualTo(-Integer.signum(b.compareTo(a)));
          List<NodeId> sorted = new ArrayList<>(List.of(a, b, c));
          sorted.sort(null);
          assertThat(sorted.get(0).compareTo(sorted.get(2)))
              .as("transitive over %s", sorted)
              .isLessThanOrEqualTo(0);
          assertThat(sorted.get(0).compareTo(sorted.get(1))).isLessThanOrEqualTo(0);
          assertThat(sorted.get(1).compareTo(sorted.get(2))).isLessThanOrEqualTo(0);
        });
  }

  /** Short names from a small alphabet, so that shared prefixes, zeros and ties are common. */
  private static NodeId randomName(SplittableRandom random) {
    String first = "nNa";
    String rest = "n0019._-a";
    StringBuilder name = new StringBuilder().append(first.charAt(random.nextInt(first.length())));
    int length = random.nextInt(0, 6);
    for (int i = 0; i < length; i++) {
      name.append(rest.charAt(random.nextInt(rest.length())));
    }
    return NodeId.of(name.toString());
  }

  @Test
  void ordersGeneratedNamesExactlyAsTheSubstringComparisonItReplaced() {
    SplittableRandom random = new SplittableRandom(7);
    String alphabet = "ab0019_.-";
    for (int trial = 0; trial < 20_000; trial++) {
      String a = generatedName(random, alphabet);
      String b = random.nextInt(4) == 0 ? a : generatedName(random, alphabet);
      assertThat(NodeId.of(a).compareTo(NodeId.of(b)))
          .as("%s vs %s", a, b)
          .isEqualTo(SubstringNaturalOrder.compare(a, b));
    }
  }

  private static String generatedName(SplittableRandom random, String alphabet) {
    StringBuilder name = new StringBuilder().append("nx".charAt(random.nextInt(2)));
    int length = random.nextInt(7);
    for (int i = 0; i < length; i++) {
      name.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return name.toString();
  }

  /** The natural order as first written, with substrings: the reference for the faster one. */
  private static final class SubstringNaturalOrder {
    static int compare(String a, String b) {
      int i = 0;
      int j = 0;
      while (i < a.length() && j < b.length()) {
        char ca = a.charAt(i);
        char cb = b.charAt(j);
        if (Character.isDigit(ca) && Character.isDigit(cb)) {
          int endA = digitsEnd(a, i);
          int endB = digitsEnd(b, j);
          String digitsA = stripLeadingZeros(a.substring(i, endA));
          String digitsB = stripLeadingZeros(b.substring(j, endB));
          int byLength = Integer.compare(digitsA.length(), digitsB.length());
          if (byLength != 0) {
            return byLength;
          }
          int byDigits = digitsA.compareTo(digitsB);
          if (byDigits != 0) {
            return byDigits;
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
      return byRest != 0 ? byRest : a.compareTo(b);
    }

    private static int digitsEnd(String s, int from) {
      int end = from;
      while (end < s.length() && Character.isDigit(s.charAt(end))) {
        end++;
      }
      return end;
    }

    private static String stripLeadingZeros(String digits) {
      int k = 0;
      while (k < digits.length() - 1 && digits.charAt(k) == '0') {
        k++;
      }
      return digits.substring(k);
    }
  }
}
