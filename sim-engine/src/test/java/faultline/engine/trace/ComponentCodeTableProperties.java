package faultline.engine.trace;

import static org.assertj.core.api.Assertions.assertThat;

import faultline.engine.trace.CanonicalValues.Shape;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Each encoder keeps its record shapes' component codes in a table of its own: the table gives
 * every shape one array of its own, the same one each time, however many shapes and however their
 * hashes collide, across its growth; and two encoders used in turn, as two runs of a sweep are,
 * write what each writes alone.
 */
class ComponentCodeTableProperties {
  @Property(tries = 200)
  void eachShapeHasOneArrayOfItsOwn(
      @ForAll("shapes") List<Shape> shapes,
      @ForAll @Size(max = 2_000) List<@IntRange(min = 0, max = 999) Integer> lookups) {
    ComponentCodeTable table = new ComponentCodeTable();
    Map<Shape, int[]> model = new IdentityHashMap<>();
    for (int lookup : lookups) {
      Shape shape = shapes.get(lookup % shapes.size());
      int[] codes = table.codesOf(shape);
      int[] held = model.get(shape);
      if (held != null) {
        assertThat(codes).isSameAs(held);
        continue;
      }
      assertThat(codes).isEqualTo(new int[shape.names().length]);
      for (int[] other : model.values()) {
        assertThat(codes).isNotSameAs(other);
      }
      if (codes.length > 0) {
        codes[0] = model.size() + 1; // What the encoder stores there: kept while the table grows.
      }
      model.put(shape, codes);
    }
    for (Map.Entry<Shape, int[]> entry : model.entrySet()) {
      assertThat(table.codesOf(entry.getKey())).isSameAs(entry.getValue());
    }
    assertThat(model.values().stream().filter(codes -> codes.length > 0).map(codes -> codes[0]))
        .doesNotHaveDuplicates();
  }

  /**
   * Up to 600 shapes (the table starts at 64 slots and grows past 1,000), their hashes drawn from a
   * handful of values, from multiples of the first capacity (one slot until it grows), or from all
   * ints; some shapes alike in every component but their identity.
   */
  @Provide
  Arbitrary<List<Shape>> shapes() {
    Arbitrary<Integer> hashes =
        Arbitraries.oneOf(
            Arbitraries.integers().between(0, 3),
            Arbitraries.integers().between(-20, 20).map(k -> k * 64),
            Arbitraries.integers());
    Arbitrary<String[]> names =
        Arbitraries.of("term", "leader", "entries", "round").array(String[].class).ofMaxSize(5);
    return Combinators.combine(hashes, names)
        .as((hash, componentNames) -> CanonicalEncoderProperties.shape(hash, componentNames))
        .list()
        .ofMinSize(1)
        .ofMaxSize(600);
  }

  record Vote(long term, String candidate, boolean granted) {}

  record Entry(long term, String key, int size) {}

  record Append(long term, String leader, List<Entry> entries, Vote lastVote) {}

  record Reply(int round, long term, boolean success) {}

  @Property(tries = 200)
  void twoEncodersInTurnWriteWhatEachWritesAlone(
      @ForAll("payloads") List<Record> first,
      @ForAll("payloads") List<Record> second,
      @ForAll @Size(max = 400) List<Boolean> turns) {
    CanonicalEncoder firstAlone = new CanonicalEncoder();
    first.forEach(payload -> writeEvent(firstAlone, payload));
    CanonicalEncoder secondAlone = new CanonicalEncoder();
    second.forEach(payload -> writeEvent(secondAlone, payload));

    CanonicalEncoder firstInTurn = new CanonicalEncoder();
    CanonicalEncoder secondInTurn = new CanonicalEncoder();
    List<Record> firstLeft = new ArrayList<>(first);
    List<Record> secondLeft = new ArrayList<>(second);
    for (boolean firstsTurn : turns) {
      List<Record> left = firstsTurn ? firstLeft : secondLeft;
      if (!left.isEmpty()) {
        writeEvent(firstsTurn ? firstInTurn : secondInTurn, left.removeFirst());
      }
    }
    firstLeft.forEach(payload -> writeEvent(firstInTurn, payload));
    secondLeft.forEach(payload -> writeEvent(secondInTurn, payload));

    assertThat(firstInTurn.bytesEncoded()).isEqualTo(firstAlone.bytesEncoded());
    assertThat(firstInTurn.fingerprint()).isEqualTo(firstAlone.fingerprint());
    assertThat(secondInTurn.bytesEncoded()).isEqualTo(secondAlone.bytesEncoded());
    assertThat(secondInTurn.fingerprint()).isEqualTo(secondAlone.fingerprint());
  }

  /** An event whose members are the payload's components, as a trace line holds a record's. */
  private static void writeEvent(CanonicalEncoder out, Record payload) {
    out.eventStart(1, 2, "send", "n1", 2, 2);
    out.name("payload");
    CanonicalValues.write(out, payload);
    CanonicalValues.writeMembers(out, "record", payload);
    out.end();
  }

  /**
   * Payloads of four shapes, nested, sharing component names, so that the two encoders number the
   * same names differently when their runs meet the shapes in another order.
   */
  @Provide
  Arbitrary<List<Record>> payloads() {
    Arbitrary<Long> terms = Arbitraries.longs().between(-5, 1L << 40);
    Arbitrary<String> texts = Arbitraries.of("n1", "n2", "k7", "", "é");
    Arbitrary<Vote> votes =
        Combinators.combine(terms, texts, Arbitraries.of(true, false)).as(Vote::new);
    Arbitrary<Entry> entries =
        Combinators.combine(terms, texts, Arbitraries.integers().between(0, 300)).as(Entry::new);
    Arbitrary<Append> appends =
        Combinators.combine(terms, texts, entries.list().ofMaxSize(3), votes).as(Append::new);
    Arbitrary<Reply> replies =
        Combinators.combine(Arbitraries.integers(), terms, Arbitraries.of(true, false))
            .as(Reply::new);
    return Arbitraries.<Record>oneOf(votes, entries, appends, replies).list().ofMaxSize(60);
  }
}
