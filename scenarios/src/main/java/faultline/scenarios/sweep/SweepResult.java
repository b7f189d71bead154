package faultline.scenarios.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import faultline.engine.check.EventuallyResult;
import faultline.engine.check.Violation;
import faultline.scenarios.run.PropertiesJson;
import faultline.scenarios.run.RunReport;
import faultline.scenarios.run.ViolationsJson;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * One seed's line in a sweep's JSON Lines output. Every line names its sweep (scenario, seed list,
 * run duration) so that {@code sweep merge} can tell shards of one sweep from those of another.
 *
 * @param sweep the sweep this seed belongs to
 * @param seed the seed
 * @param fingerprint the run's fingerprint, as {@code run --json} reports it
 * @param violations the violations, as {@code run --json} reports them
 * @param unexpected the violated invariants that the scenario does not expect, sorted
 * @param stopReason why the run ended
 * @param events events processed
 * @param virtualTimeNanos virtual time at the end
 * @param replay the command that repeats this seed's run
 * @param verdict {@code passed}, {@code violated} or {@code inconclusive}, as {@code run --json}
 *     reports it
 * @param inconclusive why the run is inconclusive (a limit, an undecided check); empty otherwise
 * @param metrics the run's metrics by name, sorted, as {@code run --json} reports them; null in
 *     lines written before results carried them
 * @param shrink the command that shrinks the run, for a seed that violated an invariant; else null
 * @param swarm the seed's swarm configuration in a {@code --swarm} sweep, else null
 * @param sometimes the protocol's sometimes properties, each name to whether this run reached it,
 *     sorted; null when the protocol declares none (or in lines written before they existed)
 * @param eventually the protocol's eventually properties, each name to {@code held}, {@code failed}
 *     or {@code not judged}, sorted; null when it declares none
 * @param wallNanos the real time the run took, for the summary only: it is never written, since a
 *     result line must be the same bytes on any machine; -1 when unknown (a merged line)
 */
public record SweepResult(
    SweepId sweep,
    long seed,
    String fingerprint,
    ArrayNode violations,
    List<String> unexpected,
    String stopReason,
    long events,
    long virtualTimeNanos,
    String replay,
    String verdict,
    List<String> inconclusive,
    ObjectNode metrics,
    String shrink,
    long wallNanos,
    SwarmConfig swarm,
    ObjectNode sometimes,
    ObjectNode eventually) {

  /** What identifies a sweep: shards of one sweep agree on all three. */
  public record SweepId(String scenario, String seeds, long durationNanos, boolean swarm) {
    public SweepId(String scenario, String seeds, long durationNanos) {
      this(scenario, seeds, durationNanos, false);
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  static SweepResult of(
      SweepId sweep,
      RunReport report,
      Set<String> expectedViolations,
      long wallNanos,
      SwarmConfig swarm) {
    ArrayNode violations = ViolationsJson.of(report.outcome().violations());
    Set<String> unexpected = new TreeSet<>();
    for (Violation violation : report.outcome().violations()) {
      if (!expectedViolations.contains(violation.invariant())) {
        unexpected.add(violation.invariant());
      }
    }
    for (EventuallyResult failed : report.outcome().failedEventually()) {
      if (!expectedViolations.contains(failed.property())) {
        unexpected.add(failed.property());
      }
    }
    return new SweepResult(
        sweep,
        report.seed(),
        report.outcome().fingerprint(),
        violations,
        List.copyOf(unexpected),
        report.outcome().stopReason().label(),
        report.outcome().events(),
        report.outcome().endNanos(),
        report.reproduceCommand(),
        report.outcome().verdict().label(),
        report.inconclusiveReasons(),
        metricsOf(report),
        report.outcome().violations().isEmpty() ? null : report.shrinkCommand(),
        wallNanos,
        swarm,
        report.outcome().sometimes().isEmpty()
            ? null
            : PropertiesJson.reachedByName(report.outcome().sometimes()),
        report.outcome().eventually().isEmpty()
            ? null
            : PropertiesJson.statusByName(report.outcome().eventually()));
  }

  private static ObjectNode metricsOf(RunReport report) {
    ObjectNode metrics = JSON.createObjectNode();
    new TreeMap<>(report.outcome().metrics()).forEach(metrics::put);
    return metrics;
  }

  public boolean failed() {
    return !unexpected.isEmpty();
  }

  /** Not failed, but not a pass either: a limit stopped it, or a check could not decide. */
  public boolean isInconclusive() {
    return !failed() && !inconclusive.isEmpty() && violations.isEmpty();
  }

  /** The line, without its newline. */
  public String toJsonLine() {
    ObjectNode line = JSON.createObjectNode();
    line.put("scenario", sweep.scenario());
    line.put("seeds", sweep.seeds());
    line.put("durationNanos", sweep.durationNanos());
    line.put("seed", seed);
    line.put("fingerprint", fingerprint);
    line.set("violations", violations);
    ArrayNode unexpectedNode = line.putArray("unexpected");
    unexpected.forEach(unexpectedNode::add);
    line.put("stopReason", stopReason);
    line.put("events", events);
    line.put("virtualTimeNanos", virtualTimeNanos);
    line.put("replay", replay);
    line.put("verdict", verdict);
    ArrayNode reasons = line.putArray("inconclusive");
    inconclusive.forEach(reasons::add);
    if (metrics != null) {
      line.set("metrics", metrics);
    }
    if (shrink != null) {
      line.put("shrink", shrink);
    }
    if (swarm != null) {
      line.set("swarm", swarm.toJson());
    }
    if (sometimes != null) {
      line.set("sometimes", sometimes);
    }
    if (eventually != null) {
      line.set("eventually", eventually);
    }
    return line.toString();
  }

  /**
   * Reads a line written by {@link #toJsonLine}.
   *
   * @throws IllegalArgumentException naming the missing or mistyped field
   */
  static SweepResult fromJson(JsonNode line) {
    if (!line.isObject()) {
      throw new IllegalArgumentException("a result line must be a JSON object");
    }
    SweepId sweep =
        new SweepId(
            text(line, "scenario"),
            text(line, "seeds"),
            number(line, "durationNanos"),
            line.has("swarm"));
    JsonNode violations = line.get("violations");
    if (violations == null || !violations.isArray()) {
      throw new IllegalArgumentException("field 'violations': missing or not an array");
    }
    JsonNode unexpectedNode = line.get("unexpected");
    if (unexpectedNode == null || !unexpectedNode.isArray()) {
      throw new IllegalArgumentException("field 'unexpected': missing or not an array");
    }
    List<String> unexpected = new ArrayList<>();
    unexpectedNode.forEach(name -> unexpected.add(name.asText()));
    return new SweepResult(
        sweep,
        number(line, "seed"),
        text(line, "fingerprint"),
        (ArrayNode) violations,
        List.copyOf(unexpected),
        text(line, "stopReason"),
        number(line, "events"),
        number(line, "virtualTimeNanos"),
        text(line, "replay"),
        line.has("verdict") ? text(line, "verdict") : legacyVerdict(violations),
        line.has("inconclusive") ? texts(line, "inconclusive") : List.of(),
        metricsOf(line),
        line.has("shrink") ? text(line, "shrink") : null,
        -1,
        line.has("swarm") ? SwarmConfig.fromJson(line.get("swarm")) : null,
        properties(line, "sometimes", JsonNode::isBoolean, "true or false"),
        properties(
            line, "eventually", SweepResult::isStatus, "\"held\", \"failed\" or \"not judged\""));
  }

  private static boolean isStatus(JsonNode value) {
    return value.isTextual()
        && Arrays.stream(EventuallyResult.Status.values())
            .anyMatch(status -> status.label().equals(value.asText()));
  }

  /** A property object of a line, each value checked; null when the line has none. */
  private static ObjectNode properties(
      JsonNode line, String field, Predicate<JsonNode> valid, String expected) {
    JsonNode properties = line.get(field);
    if (properties == null) {
      return null;
    }
    if (!properties.isObject()) {
      throw new IllegalArgumentException("field '" + field + "': not an object");
    }
    properties
        .properties()
        .forEach(
            property -> {
              if (!valid.test(property.getValue())) {
                throw new IllegalArgumentException(
                    "field '" + field + "." + property.getKey() + "': not " + expected);
              }
            });
    return (ObjectNode) properties;
  }

  private static ObjectNode metricsOf(JsonNode line) {
    JsonNode metrics = line.get("metrics");
    if (metrics == null) {
      return null; // A line from before results carried metrics.
    }
    if (!metrics.isObject()) {
      throw new IllegalArgumentException("field 'metrics': not an object");
    }
    metrics
        .fields()
        .forEachRemaining(
            metric -> {
              if (!metric.getValue().canConvertToExactIntegral()) {
                throw new IllegalArgumentException(
                    "field 'metrics." + metric.getKey() + "': not a whole number");
              }
            });
    return (ObjectNode) metrics;
  }

  /** Lines written before verdicts were recorded knew only violated or not. */
  private static String legacyVerdict(JsonNode violations) {
    return violations.isEmpty() ? "passed" : "violated";
  }

  private static List<String> texts(JsonNode line, String field) {
    JsonNode value = line.get(field);
    if (!value.isArray()) {
      throw new IllegalArgumentException("field '" + field + "': not an array");
    }
    List<String> texts = new ArrayList<>();
    value.forEach(item -> texts.add(item.asText()));
    return List.copyOf(texts);
  }

  private static String text(JsonNode line, String field) {
    JsonNode value = line.get(field);
    if (value == null || !value.isTextual()) {
      throw new IllegalArgumentException("field '" + field + "': missing or not a string");
    }
    return value.asText();
  }

  private static long number(JsonNode line, String field) {
    JsonNode value = line.get(field);
    if (value == null || !value.canConvertToExactIntegral() || !value.canConvertToLong()) {
      throw new IllegalArgumentException("field '" + field + "': missing or not a whole number");
    }
    return value.asLong();
  }
}
