package faultline.protocols.swim;

import static faultline.protocols.swim.SwimRuns.n;
import static org.assertj.core.api.Assertions.assertThat;

import faultline.engine.node.NodeId;
import faultline.protocols.membership.MemberStatus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * SWIM §4.2's precedence rules, case by case: "{Alive Ml, inc=i} overrides {Suspect Ml, inc=j}, i >
 * j; {Alive Ml, inc=j}, i > j. {Suspect Ml, inc=i} overrides {Suspect Ml, inc=j}, i > j; {Alive Ml,
 * inc=j}, i >= j. {Confirm Ml, inc=i} overrides {Alive Ml, inc=j}, any j; {Suspect Ml, inc=j}, any
 * j." With memberlist's refinements: a confirm about an older incarnation than held is stale; a
 * faulty or departed member returns only at a higher incarnation.
 */
class PaperMergeRulesTest {
  private static final NodeId MEMBER = n(5);
  private static final NodeId OTHER = n(2);

  @ParameterizedTest(name = "{0}@{1} + {2}({3}) -> {4}@{5}")
  @CsvSource({
    // held,   j, update,  i, result,  at
    "ALIVE,    3, ALIVE,   4, ALIVE,   4",
    "ALIVE,    3, ALIVE,   3, ALIVE,   3",
    "SUSPECT,  3, ALIVE,   4, ALIVE,   4",
    "SUSPECT,  3, ALIVE,   3, SUSPECT, 3",
    "SUSPECT,  3, ALIVE,   2, SUSPECT, 3",
    "ALIVE,    3, SUSPECT, 3, SUSPECT, 3",
    "ALIVE,    3, SUSPECT, 4, SUSPECT, 4",
    "ALIVE,    3, SUSPECT, 2, ALIVE,   3",
    "SUSPECT,  3, SUSPECT, 4, SUSPECT, 4",
    "SUSPECT,  3, SUSPECT, 3, SUSPECT, 3",
    "ALIVE,    3, CONFIRM, 3, FAULTY,  3",
    "ALIVE,    3, CONFIRM, 5, FAULTY,  5",
    "SUSPECT,  3, CONFIRM, 3, FAULTY,  3",
    "ALIVE,    3, CONFIRM, 2, ALIVE,   3", // Stale: refuted since (memberlist).
    "FAULTY,   3, ALIVE,   3, FAULTY,  3",
    "FAULTY,   3, ALIVE,   4, ALIVE,   4",
    "FAULTY,   3, SUSPECT, 4, FAULTY,  3",
    "FAULTY,   3, CONFIRM, 4, FAULTY,  3",
    "ALIVE,    3, LEAVE,   3, LEFT,    3",
    "FAULTY,   3, LEAVE,   3, LEFT,    3",
    "LEFT,     3, ALIVE,   4, ALIVE,   4",
    "LEFT,     3, SUSPECT, 9, LEFT,    3",
  })
  void mergesByThePapersPrecedence(
      MemberStatus held, long j, Update.Kind kind, long i, MemberStatus result, long at) {
    Entry local = new Entry(held, j);
    Entry merged = MergeRules.PAPER.merge(local, new Update(kind, MEMBER, i, OTHER));
    assertThat(merged).isEqualTo(new Entry(result, at));
    if (merged.equals(local)) {
      assertThat(merged).as("ignoring returns the entry held").isSameAs(local);
    }
  }

  @ParameterizedTest(name = "unknown + {0}({1})")
  @CsvSource({"ALIVE, 0, ALIVE", "SUSPECT, 2, SUSPECT", "CONFIRM, 1, FAULTY", "LEAVE, 4, LEFT"})
  void anUpdateAboutAnUnknownMemberAddsIt(Update.Kind kind, long i, MemberStatus result) {
    assertThat(MergeRules.PAPER.merge(null, new Update(kind, MEMBER, i, OTHER)))
        .isEqualTo(new Entry(result, i));
  }

  @ParameterizedTest(name = "own {0} + {1}({2}) -> {3}")
  @CsvSource({
    "3, SUSPECT, 3, 4", // "refutes ... by incrementing its incarnation number" (§4.2).
    "3, CONFIRM, 3, 4",
    "3, SUSPECT, 5, 6", // Above any accusation, as memberlist's refute does.
    "3, SUSPECT, 2, 3", // Already overridden by the member's own alive.
    "3, ALIVE,   3, 3",
    "3, ALIVE,   7, 3",
  })
  void refutesOnlyCurrentAccusations(long own, Update.Kind kind, long i, long result) {
    assertThat(MergeRules.PAPER.ownIncarnation(own, new Update(kind, MEMBER, i, OTHER)))
        .isEqualTo(result);
  }
}
