package faultline.scenarios.shrink;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One scenario that shrinking may try: the scenario's document without its faults ({@code base}),
 * and the faults as episodes. Its {@link #source()} is a complete scenario with every fault listed
 * explicitly, which is what is run and, for the last one, what is written.
 *
 * @param base the scenario document with an empty {@code faults} list and no {@code randomFaults}
 * @param episodes the faults, grouped; in the order of their first faults in the original run
 */
record Candidate(ObjectNode base, List<Episode> episodes) {
  Candidate {
    episodes = List.copyOf(episodes);
  }

  /** Every fault, in the order the run applies them: by time, ties in the original's order. */
  List<TimedFault> faults() {
    List<TimedFault> all = new ArrayList<>();
    episodes.forEach(episode -> all.addAll(episode.faults()));
    all.sort(Comparator.comparingLong(TimedFault::atNanos).thenComparingInt(TimedFault::rank));
    return all;
  }

  int faultCount() {
    return episodes.stream().mapToInt(episode -> episode.faults().size()).sum();
  }

  /** The scenario document to load: {@code base} with its faults listed. */
  ObjectNode source() {
    ObjectNode source = base.deepCopy();
    List<TimedFault> faults = faults();
    ArrayNode list = source.putArray("faults"); // Keeps the field's place in the document.
    faults.forEach(fault -> list.add(fault.toJson()));
    return source;
  }

  Candidate withEpisodes(List<Episode> replacement) {
    return new Candidate(base, replacement);
  }

  Candidate withEpisode(int index, Episode replacement) {
    List<Episode> changed = new ArrayList<>(episodes);
    changed.set(index, replacement);
    return new Candidate(base, changed);
  }

  Candidate withBase(ObjectNode replacement) {
    return new Candidate(replacement, episodes);
  }
}
