package faultline.scenarios.sweep;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import faultline.scenarios.parse.JsonErrors;
import faultline.scenarios.parse.LineInput;
import faultline.scenarios.parse.ScenarioException;
import faultline.scenarios.sweep.SweepResult.SweepId;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Joins the outputs of a sweep's shards into the output the unsharded sweep would have written: the
 * same lines, in seed-list order. It refuses, naming the file and line, anything that would make
 * the joined result lie: a line that is not a result, results of different sweeps (scenario, seed
 * list or duration: a foreign shard), a seed twice (overlapping shards, or a file given twice), a
 * seed outside the sweep's list, and seeds missing (a shard that failed or was left out, named by
 * the result lines on either side of the hole).
 */
public final class SweepMerger {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A result line is a few hundred bytes; a longer one is not a sweep's output. */
  private static final int LINE_BYTES_MAX = 1024 * 1024;

  /** A merge that would be wrong; the message names the file and line where it can. */
  public static final class MergeException extends RuntimeException {
    MergeException(String message) {
      super(message);
    }
  }

  private SweepId sweep;
  private String sweepOrigin;
  private SeedList seeds;
  private Map<Long, Integer> positions;
  private SweepResult[] merged;
  private String[] origins;

  /** Reads one shard's output. */
  public void add(Path file) {
    try (LineInput input = LineInput.open(file, file.toString(), LINE_BYTES_MAX)) {
      for (String line = input.next(); line != null; line = input.next()) {
        if (!line.isBlank()) {
          add(parse(file, input.lineNumber(), line), file + ":" + input.lineNumber());
        }
      }
    } catch (ScenarioException e) {
      throw new MergeException(e.getMessage());
    }
  }

  private static SweepResult parse(Path file, int lineNumber, String line) {
    JsonNode node;
    try {
      node = JSON.readTree(line);
    } catch (JsonProcessingException e) {
      JsonLocation location = e.getLocation();
      int column = location == null ? 1 : Math.max(1, location.getColumnNr());
      throw new MergeException(
          file + ":" + lineNumber + ":" + column + ": not JSON: " + JsonErrors.reason(e));
    }
    try {
      return SweepResult.fromJson(node);
    } catch (IllegalArgumentException e) {
      throw new MergeException(
          file + ":" + lineNumber + ": not a sweep result line: " + e.getMessage());
    }
  }

  private void add(SweepResult result, String origin) {
    if (sweep == null) {
      start(result.sweep(), origin);
    } else if (!sweep.equals(result.sweep())) {
      throw new MergeException(
          origin
              + ": "
              + difference(result.sweep())
              + ", but "
              + sweepOrigin
              + " has "
              + describe(sweep)
              + ": these are different sweeps");
    }
    Integer position = positions.get(result.seed());
    if (position == null) {
      throw new MergeException(
          origin + ": seed " + result.seed() + " is not in the sweep's seeds " + seeds.text());
    }
    if (merged[position] != null) {
      throw new MergeException(
          origin
              + ": seed "
              + result.seed()
              + " again; it is already at "
              + origins[position]
              + " (shards that overlap, or one file given twice)");
    }
    merged[position] = result;
    origins[position] = origin;
  }

  private void start(SweepId first, String origin) {
    sweep = first;
    sweepOrigin = origin;
    try {
      seeds = SeedList.parse(first.seeds());
    } catch (IllegalArgumentException e) {
      throw new MergeException(origin + ": field 'seeds': " + e.getMessage());
    }
    positions = new HashMap<>();
    for (int i = 0; i < seeds.size(); i++) {
      positions.put(seeds.seeds()[i], i);
    }
    merged = new SweepResult[seeds.size()];
    origins = new String[seeds.size()];
  }

  private String difference(SweepId other) {
    if (!other.scenario().equals(sweep.scenario())) {
      return "field 'scenario' is " + other.scenario();
    }
    if (!other.seeds().equals(sweep.seeds())) {
      return "field 'seeds' is " + other.seeds();
    }
    if (other.durationNanos() != sweep.durationNanos()) {
      return "field 'durationNanos' is " + other.durationNanos();
    }
    return other.swarm()
        ? "it has a 'swarm' (a --swarm sweep)"
        : "it has no 'swarm' (a plain sweep)";
  }

  private static String describe(SweepId id) {
    return id.scenario()
        + ", seeds "
        + id.seeds()
        + ", durationNanos "
        + id.durationNanos()
        + (id.swarm() ? ", swarm" : "");
  }

  /**
   * The joined results, in seed-list order.
   *
   * @throws MergeException when no file had a result, or seeds are missing
   */
  public List<SweepResult> results() {
    if (sweep == null) {
      throw new MergeException("no results in the files given");
    }
    String missing = MissingSeeds.describe(sweep.scenario(), seeds, origins);
    if (missing != null) {
      throw new MergeException(missing);
    }
    return List.of(merged);
  }
}
