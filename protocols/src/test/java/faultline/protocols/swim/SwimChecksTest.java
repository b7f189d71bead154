package faultline.protocols.swim;

import static faultline.protocols.swim.SwimRuns.n;
import static org.assertj.core.api.Assertions.assertThat;

import faultline.engine.check.Invariant;
import faultline.engine.node.NodeId;
import faultline.protocols.membership.MemberStatus;
import faultline.protocols.swim.SwimMessage.Ping;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each incarnation rule fails on the one step that breaks it and holds on its honest twin. How it
 * works: a member n1 with the paper's rules, or with one wrong rule, hears pings that carry
 * updates; after each, the check is shown n1's step through a {@link StepView}.
 */
class SwimChecksTest {
  private final List<NodeId> members = SwimRuns.of(6).config().members().ids();
  private final SwimContext context = new SwimContext(n(1), members);
  private final StepView view = new StepView();
  private SwimNode node;

  private void start(MergeRules rules, IncarnationMemory memory, Invariant check) {
    view.failures.clear();
    node =
        new SwimNode(
            SwimConfig.builder(members)
                .staggerStart(false)
                .rules(rules)
                .incarnations(memory)
                .build());
    node.onStart(context);
    view.show(check, n(1), node);
  }

  /** n1 hears {@code update} on a ping from n2; the check sees the step. */
  private void hear(Invariant check, Update update) {
    node.onMessage(context, n(2), new Ping(1, List.of(update)));
    context.drain();
    view.show(check, n(1), node);
  }

  /** A fresh member (a new disk: not a restart) with {@code rules} hears each update in turn. */
  private List<String> run(MergeRules rules, Invariant check, Update... updates) {
    context.disk.clear();
    start(rules, IncarnationMemory.DURABLE, check);
    for (Update update : updates) {
      hear(check, update);
    }
    return view.failures;
  }

  @Test
  void anAliveAtTheSameIncarnationMustNotClearASuspicion() {
    Update suspect = Update.suspect(n(5), 0, n(2));
    Update sameAlive = Update.alive(n(5), 0);
    assertThat(run(MergeRules.PAPER, new Precedence(), suspect, sameAlive)).isEmpty();
    assertThat(node.statusOf(n(5))).isEqualTo(MemberStatus.SUSPECT);

    List<String> failures =
        run(BuggyMergeRules.ALIVE_OVERRIDES_EQUAL_SUSPECT, new Precedence(), suspect, sameAlive);
    assertThat(failures)
        .singleElement()
        .asString()
        .isEqualTo(
            "n1 changed its entry for n5 from suspect@0 to alive@0 on word from n5: an alive"
                + " overrides suspect only at a higher incarnation");
  }

  @Test
  void aFaultyMemberReturnsOnlyAtAHigherIncarnation() {
    Update confirm = Update.confirm(n(5), 0, n(3));
    assertThat(
            run(
                MergeRules.PAPER,
                new NoResurrection(),
                confirm,
                Update.alive(n(5), 0),
                Update.alive(n(5), 1)))
        .isEmpty();
    assertThat(node.statusOf(n(5))).isEqualTo(MemberStatus.ALIVE);

    List<String> failures =
        run(
            BuggyMergeRules.RESURRECT_AT_SAME_INCARNATION,
            new NoResurrection(),
            confirm,
            Update.alive(n(5), 0));
    assertThat(failures)
        .singleElement()
        .asString()
        .contains("n1 brought n5 back from faulty@0 to alive@0")
        .endsWith("a return needs an incarnation above 0");
  }

  @Test
  void nobodyButTheMemberRaisesItsIncarnation() {
    // n5 has never stepped here, so it has never held an incarnation above 0.
    Update suspect = Update.suspect(n(5), 0, n(2));
    assertThat(run(MergeRules.PAPER, new IncarnationOrigin(), suspect)).isEmpty();

    List<String> failures =
        run(BuggyMergeRules.SUSPECT_RAISES_INCARNATION, new IncarnationOrigin(), suspect);
    assertThat(failures)
        .singleElement()
        .asString()
        .contains("n1 holds n5 at incarnation 1")
        .endsWith("someone else raised its incarnation");
  }

  @Test
  void aBeliefAboutAnotherMemberNeverGoesDown() {
    MergeRules lowering =
        new MergeRules() {
          @Override
          public Entry merge(Entry local, Update update) {
            Entry merged = PAPER.merge(local, update);
            return update.incarnation() == 9 ? new Entry(MemberStatus.ALIVE, 1) : merged;
          }

          @Override
          public long ownIncarnation(long own, Update aboutSelf) {
            return PAPER.ownIncarnation(own, aboutSelf);
          }
        };
    List<String> failures =
        run(
            lowering,
            new IncarnationMonotonic(),
            Update.alive(n(5), 3),
            Update.suspect(n(5), 9, n(2)));
    assertThat(failures)
        .singleElement()
        .asString()
        .isEqualTo("n1 lowered its entry for n5 from alive@3 to alive@1");
  }

  @Test
  void aMemberThatForgetsItsIncarnationOnRestartGoesDown() {
    for (IncarnationMemory memory : IncarnationMemory.values()) {
      IncarnationMonotonic check = new IncarnationMonotonic();
      context.disk.clear();
      start(MergeRules.PAPER, memory, check);
      hear(check, Update.suspect(n(1), 0, n(2)));
      hear(check, Update.suspect(n(1), 1, n(3)));
      assertThat(node.incarnation()).isEqualTo(2);

      start(MergeRules.PAPER, memory, check); // A restart: the same disk, a fresh member.
      if (memory == IncarnationMemory.DURABLE) {
        assertThat(node.incarnation()).isEqualTo(3);
        assertThat(view.failures).isEmpty();
      } else {
        assertThat(node.incarnation()).isEqualTo(1);
        assertThat(view.failures)
            .singleElement()
            .asString()
            .startsWith("n1's incarnation went down from 2 to 1");
      }
    }
  }
}
