package faultline.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import faultline.engine.node.NodeId;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The node index must answer as the node list's own {@code indexOf} does, for the list's id
 * objects, for equal ids made anew (which the table finds by equality, not identity), and for names
 * the run does not have, however the names collide in the table.
 */
class NodeIndexProperties {
  @Property(tries = 300)
  void findsEveryNodeAsTheListDoes(
      @ForAll("names") Set<String> names, @ForAll("names") Set<String> asked) {
    List<NodeId> ids = names.stream().map(NodeId::of).sorted().toList();
    NodeIndex index = new NodeIndex(ids);

    for (int i = 0; i < ids.size(); i++) {
      assertThat(index.indexOf(ids.get(i))).isEqualTo(i);
      assertThat(index.indexOf(NodeId.of(ids.get(i).name()))).isEqualTo(i);
    }
    for (String name : asked) {
      assertThat(index.indexOf(NodeId.of(name))).isEqualTo(ids.indexOf(NodeId.of(name)));
    }
    assertThat(index.indexOf(null)).isEqualTo(-1);
  }

  @Provide
  Arbitrary<Set<String>> names() {
    // Short names from few letters and digits, so that sets overlap and hashes share table slots.
    Arbitrary<String> name =
        Arbitraries.strings()
            .withChars("nab")
            .ofLength(1)
            .flatMap(
                first ->
                    Arbitraries.strings().withChars("n12c0").ofMaxLength(3).map(first::concat));
    return name.set().ofMaxSize(40);
  }

  @Test
  void refusesANodeListedTwice() {
    assertThatThrownBy(() -> new NodeIndex(List.of(NodeId.of("n1"), NodeId.of("n1"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("n1");
  }
}
