package faultline.scenarios.parse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import faultline.scenarios.model.FaultKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Validates every bundled scenario ({@code src/main/resources/scenarios/**}{@code /*.json}), every
 * witness scenario and every valid fixture against {@code faultline/scenario.schema.json}; checks
 * that invalid fixtures fail it; and checks that the schema and the loader know the same fields and
 * fault types, so that neither drifts from the other.
 */
class ScenarioSchemaTest {
  private static final JsonSchemaFactory FACTORY =
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
  private static final JsonNode SCHEMA_NODE = readSchema();
  private static final JsonSchema SCHEMA = FACTORY.getSchema(SCHEMA_NODE);

  /** The schema's complaints about a scenario document (comments already stripped). */
  static Set<ValidationMessage> validate(JsonNode scenario) {
    return SCHEMA.validate(scenario);
  }

  @Test
  void theSchemaIsAValidDraft202012Schema() {
    JsonSchema metaSchema =
        FACTORY.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
    assertThat(metaSchema.validate(SCHEMA_NODE)).isEmpty();
    assertThat(SCHEMA_NODE.get("$schema").asText())
        .isEqualTo("https://json-schema.org/draft/2020-12/schema");
  }

  @Test
  void everyBundledScenarioAndValidFixtureMatchesTheSchema() {
    List<Path> bundled = concat(Fixtures.jsonFiles(Fixtures.BUNDLED), witnesses());
    List<Path> fixtures = Fixtures.jsonFiles(Fixtures.VALID);
    assertThat(fixtures).hasSizeGreaterThanOrEqualTo(4); // The test must never check nothing.

    Map<Path, Set<ValidationMessage>> failures = new LinkedHashMap<>();
    int checked = 0;
    for (Path file : concat(bundled, fixtures)) {
      JsonNode document = JsonDocuments.parseObject(file.toString(), Fixtures.read(file)).root();
      Set<ValidationMessage> errors = validate(document);
      if (!errors.isEmpty()) {
        failures.put(Fixtures.MODULE.relativize(file), errors);
      }
      checked++;
    }
    assertThat(failures).isEmpty();
    assertThat(checked).isEqualTo(bundled.size() + fixtures.size());
  }

  @Test
  void invalidFixturesFailTheSchema() {
    List<Path> invalid = Fixtures.jsonFiles(Fixtures.INVALID);
    assertThat(invalid).hasSizeGreaterThanOrEqualTo(4);
    for (Path file : invalid) {
      JsonNode document = JsonDocuments.parseObject(file.toString(), Fixtures.read(file)).root();
      assertThat(validate(document)).as(file.getFileName().toString()).isNotEmpty();
    }
  }

  @Test
  void theSchemaAndTheLoaderKnowTheSameTopLevelFields() {
    Set<String> schemaFields = names(SCHEMA_NODE.get("properties"));
    assertThat(schemaFields).containsExactlyElementsOf(ScenarioLoader.ROOT_FIELDS);
    for (String field : schemaFields) {
      assertThat(SCHEMA_NODE.get("properties").get(field).has("description")).as(field).isTrue();
    }
    assertThat(SCHEMA_NODE.get("additionalProperties").asBoolean(true)).isFalse();
  }

  @Test
  void theSchemaHasEveryFaultKindWithItsFields() {
    Map<String, Set<String>> schemaFaults = new LinkedHashMap<>();
    for (JsonNode variant : SCHEMA_NODE.at("/properties/faults/items/oneOf")) {
      JsonNode properties = variant.get("properties");
      Set<String> fields = names(properties);
      fields.removeAll(List.of("at", "type"));
      schemaFaults.put(properties.at("/type/const").asText(), fields);
      assertThat(variant.get("additionalProperties").asBoolean(true)).isFalse();
      assertThat(variant.has("description")).isTrue();
    }
    Map<String, Set<String>> kinds = new LinkedHashMap<>();
    for (FaultKind kind : FaultKind.values()) {
      kinds.put(kind.typeName(), new LinkedHashSet<>(kind.fields()));
    }
    assertThat(schemaFaults).containsExactlyEntriesOf(kinds);
  }

  private static Set<String> names(JsonNode object) {
    Set<String> names = new LinkedHashSet<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static List<Path> witnesses() {
    List<Path> witnesses = Fixtures.jsonFiles(Fixtures.WITNESSES);
    assertThat(witnesses).isNotEmpty();
    return witnesses;
  }

  private static List<Path> concat(List<Path> first, List<Path> second) {
    List<Path> all = new ArrayList<>(first);
    all.addAll(second);
    return all;
  }

  private static JsonNode readSchema() {
    try (InputStream in =
        ScenarioSchemaTest.class.getResourceAsStream("/faultline/scenario.schema.json")) {
      return new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
