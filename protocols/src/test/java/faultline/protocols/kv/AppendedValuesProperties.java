package faultline.protocols.kv;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Replicas that share their appended values ({@link AppendedValues}) hold what replicas on their
 * own hold, whatever the interleaving of their applies: each of three replicas applies the same
 * random commands in order, some replicas behind the others, and one applies extra commands of its
 * own (a diverged replica), while a replica of its own applies the same as each for reference.
 */
class AppendedValuesProperties {
  private static final List<String> FUNCTIONS = List.of("put", "append", "append", "cas", "get");

  @Property(tries = 300)
  void sharedAppendsLeaveWhatOwnAppendsLeave(
      @ForAll @Size(max = 60) List<@IntRange(min = 0, max = 4) Integer> functions,
      @ForAll @Size(max = 60) List<@IntRange(min = 0, max = 2) Integer> keys,
      @ForAll @Size(max = 200) List<@IntRange(min = 0, max = 3) Integer> turns) {
    List<ClientCommand> commands = new ArrayList<>();
    for (int i = 0; i < Math.min(functions.size(), keys.size()); i++) {
      String key = "k" + keys.get(i);
      String value = "v" + (i % 3); // Equal suffixes again and again, as distinct objects.
      commands.add(
          new ClientCommand(
              1, i + 1, new KvOperation(FUNCTIONS.get(functions.get(i)), key, value, "v1")));
    }
    AppendedValues shared = new AppendedValues();
    KvStore[] replicas = {new KvStore(shared), new KvStore(shared), new KvStore(shared)};
    KvStore[] alone = {new KvStore(), new KvStore(), new KvStore()};
    int[] applied = new int[replicas.length];
    int extra = 0;
    for (int turn : turns) {
      if (turn == 3) { // Replica 2 applies a command the others never see: it diverges.
        ClientCommand own =
            new ClientCommand(2, ++extra, new KvOperation("append", "k" + extra % 3, "x", null));
        replicas[2].apply(own);
        alone[2].apply(own);
      } else if (applied[turn] < commands.size()) {
        replicas[turn].apply(commands.get(applied[turn]));
        alone[turn].apply(commands.get(applied[turn]));
        applied[turn]++;
      }
      for (int r = 0; r < replicas.length; r++) {
        for (int k = 0; k < 3; k++) {
          assertThat(replicas[r].read("k" + k)).isEqualTo(alone[r].read("k" + k));
        }
      }
    }
  }

  @Property(tries = 100)
  void replicasInStepShareTheValueTheFirstMade(
      @ForAll @Size(min = 1, max = 30) List<@IntRange(min = 0, max = 9) Integer> suffixes) {
    AppendedValues shared = new AppendedValues();
    KvStore leader = new KvStore(shared);
    KvStore follower = new KvStore(shared);
    for (int i = 0; i < suffixes.size(); i++) {
      ClientCommand append =
          new ClientCommand(1, i + 1, KvOperation.append("x", String.valueOf(suffixes.get(i))));
      leader.apply(append);
      follower.apply(append);
      assertThat(follower.read("x")).isSameAs(leader.read("x"));
    }
  }
}
