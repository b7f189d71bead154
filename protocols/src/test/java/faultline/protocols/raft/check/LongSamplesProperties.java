package faultline.protocols.raft.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

/**
 * {@link LongSamples} against the list of boxed longs it replaced in the Raft metrics: any samples,
 * across its growth, come back as that list sorted, and a percentile reads the same from both.
 */
class LongSamplesProperties {
  @Property(tries = 300)
  void sortsAsAListOfBoxedLongsDoes(@ForAll @Size(max = 300) List<Long> values) {
    LongSamples samples = new LongSamples();
    values.forEach(samples::add);
    List<Long> reference = new ArrayList<>(values);
    reference.sort(null);

    assertThat(samples.size()).isEqualTo(values.size());
    assertThat(samples.sorted()).containsExactlyElementsOf(reference);
    assertThat(new ArrayList<>(samples.sorted())).isEqualTo(reference);
  }

  @Property(tries = 100)
  void keepsWhatWasAddedAfterASort(
      @ForAll @Size(max = 100) List<Long> first, @ForAll @Size(max = 100) List<Long> second) {
    LongSamples samples = new LongSamples();
    first.forEach(samples::add);
    samples.sorted();
    second.forEach(samples::add);
    List<Long> reference = new ArrayList<>(first);
    reference.addAll(second);
    reference.sort(null);

    assertThat(samples.sorted()).containsExactlyElementsOf(reference);
  }
}
