package faultline.engine;

import static org.assertj.core.api.Assertions.assertThat;

import faultline.engine.node.Message;
import faultline.engine.node.Node;
import faultline.engine.node.NodeContext;
import faultline.engine.node.NodeId;
import faultline.engine.node.TimerTag;
import faultline.engine.random.SimRandom;
import faultline.engine.testing.Trials;
import faultline.engine.time.NodeClock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A node's armed timers must answer exactly like a plain map from tag to its current arming,
 * however entries are kept for re-arming and looked up by identity; and the table that holds them
 * ({@link TimerTable}) like a plain map from tag to entry.
 *
 * <p>How it works: each generated case arms, cancels and fires tags at random on a node's slot and
 * on a model (a map from tag to the generation of its arming), and after every operation asks the
 * slot about every tag and every generation issued: whether it is armed, and whether a firing of
 * that generation is current. Tags are a few enum constants and records, each record tag made anew
 * half the time (equal, not identical), since the slot remembers tags by identity; crashes and
 * restarts are mixed in.
 */
class TimerTableProperties {
  private enum Fixed implements TimerTag {
    A,
    B
  }

  private record Numbered(int number) implements TimerTag {}

  /** Tags whose hash codes collide in threes, so that probe runs meet, wrap and get shifted. */
  private record Colliding(int number) implements TimerTag {
    @Override
    public int hashCode() {
      return number / 3;
    }
  }

  /** A node that does nothing: only its slot's timers are under test. */
  private static final class Idle implements Node<Message, TimerTag> {
    @Override
    public void onStart(NodeContext<Message, TimerTag> context) {}

    @Override
    public void onMessage(NodeContext<Message, TimerTag> context, NodeId from, Message message) {}

    @Override
    public void onTimer(NodeContext<Message, TimerTag> context, TimerTag timer) {}
  }

  @Test
  void armedTimersAnswerLikeAMapOfCurrentArmings() {
    Trials.forAll(
        "armed timers answer like a map of current armings",
        500,
        case_ -> {
          NodeSlot slot =
              new NodeSlot(
                  NodeId.of("n1"),
                  0,
                  id -> new Idle(),
                  NodeClock.perfect(),
                  new SimRandom(case_.nextLong()));
          slot.boot();
          Map<TimerTag, Long> model = new HashMap<>(); // Tag to its current generation.
          List<Long> issued = new ArrayList<>();
          List<TimerTag> shared = List.of(Fixed.A, Fixed.B, new Numbered(1), new Numbered(2));
          int operations = case_.nextInt(1, 200);
          for (int op = 0; op < operations; op++) {
            TimerTag tag = tag(case_, shared);
            switch (case_.nextInt(10)) {
              case 0, 1, 2, 3 -> {
                long generation = slot.arm(tag, op).generation();
                assertThat(issued).doesNotContain(generation);
                issued.add(generation);
                model.put(tag, generation);
              }
              case 4 -> {
                slot.disarm(tag);
                model.remove(tag);
              }
              case 5 -> {
                slot.crash(false, op); // Loses every timer; a restart begins a new life.
                slot.boot();
                model.clear();
              }
              default -> {
                // A firing: of the current arming when there is one, else of any arming issued.
                Long current = model.get(tag);
                long generation =
                    current != null && case_.nextBoolean()
                        ? current
                        : issued.isEmpty() ? 1 : issued.get(case_.nextInt(issued.size()));
                boolean fires = current != null && current == generation;
                assertThat(slot.fire(tag, generation))
                    .as("fire %s #%s", tag, generation)
                    .isEqualTo(fires);
                if (fires) {
                  model.remove(tag);
                }
              }
            }
            for (TimerTag probe : shared) {
              Long current = model.get(probe);
              assertThat(slot.armed(probe) == null)
                  .as("%s armed", probe)
                  .isEqualTo(current == null);
              if (current != null) {
                assertThat(slot.armed(probe).generation()).isEqualTo(current);
              }
              for (long generation : issued) {
                assertThat(slot.isArmed(copy(probe, case_), generation))
                    .as("%s #%s current", probe, generation)
                    .isEqualTo(current != null && current == generation);
              }
            }
          }
        });
  }

  /**
   * The table itself answers like a map from tag to entry: puts, replacements, removals (whose
   * backward shifts must keep every other entry findable) and clears, growing past several sizes,
   * with tags looked up as the same object or as an equal copy.
   */
  @Test
  void theTableAnswersLikeAMap() {
    Trials.forAll(
        "a timer table answers like a map",
        500,
        case_ -> {
          TimerTable table = new TimerTable();
          Map<TimerTag, ArmedTimer> model = new HashMap<>();
          int tags = case_.nextInt(1, 60);
          int operations = case_.nextInt(1, 300);
          for (int op = 0; op < operations; op++) {
            int number = case_.nextInt(tags);
            TimerTag tag = case_.nextBoolean() ? new Colliding(number) : Fixed.values()[number % 2];
            switch (case_.nextInt(20)) {
              case 0 -> {
                table.clear();
                model.clear();
              }
              case 1, 2, 3, 4, 5, 6, 7 -> {
                assertThat(table.remove(tag)).as("remove %s", tag).isSameAs(model.remove(tag));
              }
              default -> {
                ArmedTimer timer = new ArmedTimer();
                table.put(tag, timer);
                model.put(tag, timer);
              }
            }
            assertThat(table.size()).isEqualTo(model.size());
            for (int probe = 0; probe < tags; probe++) {
              TimerTag asked = new Colliding(probe);
              assertThat(table.get(asked)).as("get %s", asked).isSameAs(model.get(asked));
            }
            for (Fixed fixed : Fixed.values()) {
              assertThat(table.get(fixed)).isSameAs(model.get(fixed));
            }
          }
          assertThat(table.get(null)).isNull();
          assertThat(table.remove(null)).isNull();
        });
  }

  /** One of the shared tags, a record one sometimes as an equal copy. */
  private static TimerTag tag(SplittableRandom case_, List<TimerTag> shared) {
    return copy(shared.get(case_.nextInt(shared.size())), case_);
  }

  private static TimerTag copy(TimerTag tag, SplittableRandom case_) {
    return tag instanceof Numbered numbered && case_.nextBoolean()
        ? new Numbered(numbered.number())
        : tag;
  }
}
