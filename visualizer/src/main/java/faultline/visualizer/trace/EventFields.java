package faultline.visualizer.trace;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * The fields of one trace event that the timeline needs, read with Jackson's streaming parser (a
 * tree only for the few nested values that are drawn: state, op, groups). Reused from line to line,
 * so that reading a million events allocates little besides the timeline itself.
 */
final class EventFields {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonFactory FACTORY = JSON.getFactory();

  long t;
  String type;
  String node;
  long wall;
  long mono;
  long id;
  String from;
  String to;
  String msg;
  String reason;
  String process;
  String phase;
  JsonNode state;
  JsonNode op;
  JsonNode groups;

  /** Reads {@code line}; throws {@link IOException} when it is not a JSON object. */
  void read(String line) throws IOException {
    clear();
    try (JsonParser parser = FACTORY.createParser(line)) {
      parser.setCodec(JSON);
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new IOException("not a JSON object");
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        switch (field) {
          case "t" -> t = parser.getValueAsLong();
          case "type" -> type = parser.getValueAsString();
          case "node" -> node = parser.getValueAsString();
          case "wall" -> wall = parser.getValueAsLong();
          case "mono" -> mono = parser.getValueAsLong();
          case "id" -> id = parser.getValueAsLong();
          case "from" -> from = parser.getValueAsString();
          case "to" -> to = parser.getValueAsString();
          case "msg" -> msg = parser.getValueAsString();
          case "reason" -> reason = parser.getValueAsString();
          case "process" -> process = value.isScalarValue() ? parser.getValueAsString() : null;
          case "phase" -> phase = parser.getValueAsString();
          case "state" -> state = parser.readValueAsTree();
          case "op" -> op = parser.readValueAsTree();
          case "groups" -> groups = parser.readValueAsTree();
          default -> parser.skipChildren();
        }
      }
    }
  }

  private void clear() {
    t = 0;
    type = "";
    node = null;
    wall = Timeline.NO_CLOCK;
    mono = Timeline.NO_CLOCK;
    id = 0;
    from = null;
    to = null;
    msg = null;
    reason = null;
    process = null;
    phase = null;
    state = null;
    op = null;
    groups = null;
  }
}
