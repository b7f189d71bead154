package faultline.exercises.course;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;

/** The documented shape of Gradescope's results.json, as a JSON Schema (test resources). */
final class GradescopeSchema {
  static final JsonSchemaFactory FACTORY =
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
  static final ObjectMapper JSON = new ObjectMapper();
  static final JsonNode NODE = read();
  private static final JsonSchema SCHEMA = FACTORY.getSchema(NODE);

  private GradescopeSchema() {}

  static Set<ValidationMessage> validate(JsonNode results) {
    return SCHEMA.validate(results);
  }

  private static JsonNode read() {
    try (InputStream in =
        GradescopeSchema.class.getResourceAsStream("/gradescope/results.schema.json")) {
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
