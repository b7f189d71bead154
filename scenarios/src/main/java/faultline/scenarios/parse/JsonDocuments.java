package faultline.scenarios.parse;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import faultline.scenarios.parse.SourceMap.Position;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Reads a JSON document (with {@code //} and {@code /* *}{@code /} comments and trailing commas) in
 * one streaming pass into a tree and a {@link SourceMap}. Numbers keep their exact value: integers
 * as integer nodes, fractions as {@link java.math.BigDecimal}s. A field given twice is an error,
 * located at its second occurrence.
 */
final class JsonDocuments {
  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
          .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
          .build();
  private static final JsonNodeFactory NODES = new JsonNodeFactory(true); // Exact decimals.

  private JsonDocuments() {}

  /** A parsed document: its root object and where each part of it came from. */
  record Parsed(ObjectNode root, SourceMap sourceMap) {}

  /** Parses {@code text}, which must hold exactly one JSON object. */
  static Parsed parseObject(String file, String text) {
    String body = text.startsWith("\uFEFF") ? text.substring(1) : text; // A byte order mark.
    SourceMap sourceMap = new SourceMap();
    try (JsonParser parser = FACTORY.createParser(body)) {
      try {
        return new Parsed(readRoot(file, parser, sourceMap, body.length()), sourceMap);
      } catch (JsonProcessingException e) {
        // Some refusals (a limit reached) come without a location: the parser's is as good.
        JsonLocation where = e.getLocation() != null ? e.getLocation() : parser.currentLocation();
        throw located(file, position(where), "malformed JSON: " + JsonErrors.reason(e));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("reading a string cannot fail", e);
    }
  }

  private static ObjectNode readRoot(
      String file, JsonParser parser, SourceMap sourceMap, long length) throws IOException {
    JsonToken first = parser.nextToken();
    if (first == null) {
      throw new ScenarioException(file, 1, 1, "", "the file is empty; expected a JSON object");
    }
    Position rootPosition = position(parser.currentTokenLocation());
    if (first != JsonToken.START_OBJECT) {
      throw located(file, rootPosition, "expected a JSON object, got " + describe(first));
    }
    ObjectNode root = (ObjectNode) new Reader(file, parser, sourceMap, length).value("", "");
    if (parser.nextToken() != null) {
      throw located(
          file,
          position(parser.currentTokenLocation()),
          "unexpected content after the end of the JSON object");
    }
    return root;
  }

  private static ScenarioException located(String file, Position position, String reason) {
    return new ScenarioException(file, position.line(), position.column(), "", reason);
  }

  private static Position position(JsonLocation location) {
    return new Position(Math.max(0, location.getLineNr()), Math.max(0, location.getColumnNr()));
  }

  private static String describe(JsonToken token) {
    return switch (token) {
      case START_ARRAY -> "an array";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_NULL -> "null";
      default -> token.asString() == null ? token.name() : token.asString();
    };
  }

  /** One pass over the tokens, building the tree and recording positions on the way. */
  private record Reader(String file, JsonParser parser, SourceMap sourceMap, long length) {
    /** Reads the value at the current token, which starts at {@code pointer}. */
    JsonNode value(String pointer, String path) throws IOException {
      sourceMap.putValue(pointer, position(parser.currentTokenLocation()));
      JsonToken token = parser.currentToken();
      return switch (token) {
        case START_OBJECT -> object(pointer, path);
        case START_ARRAY -> array(pointer, path);
        case VALUE_STRING -> NODES.textNode(parser.getText());
        case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> number(token);
        case VALUE_TRUE -> NODES.booleanNode(true);
        case VALUE_FALSE -> NODES.booleanNode(false);
        case VALUE_NULL -> NODES.nullNode();
        default ->
            throw located(
                file, position(parser.currentTokenLocation()), "unexpected " + describe(token));
      };
    }

    /** An exact number; Jackson refuses some (like {@code 1e99999999999}) without a location. */
    private JsonNode number(JsonToken token) throws IOException {
      try {
        if (token == JsonToken.VALUE_NUMBER_FLOAT) {
          return NODES.numberNode(parser.getDecimalValue());
        }
        return switch (parser.getNumberType()) {
          case INT -> NODES.numberNode(parser.getIntValue());
          case LONG -> NODES.numberNode(parser.getLongValue());
          default -> NODES.numberNode(parser.getBigIntegerValue());
        };
      } catch (NumberFormatException | ArithmeticException e) {
        throw located(
            file,
            position(parser.currentTokenLocation()),
            "malformed JSON: the number " + Messages.quote(parser.getText()) + " is out of range");
      }
    }

    private ObjectNode object(String pointer, String path) throws IOException {
      ObjectNode object = NODES.objectNode();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        String childPointer = Paths.pointer(pointer, name);
        String childPath = Paths.field(path, name);
        Position namePosition = position(parser.currentTokenLocation());
        if (object.has(name)) {
          Position first = sourceMap.name(childPointer);
          throw new ScenarioException(
              file,
              namePosition.line(),
              namePosition.column(),
              childPath,
              "duplicate field "
                  + Messages.quote(name)
                  + " (first at line "
                  + first.line()
                  + ", column "
                  + first.column()
                  + ")");
        }
        sourceMap.putName(childPointer, namePosition);
        parser.nextToken();
        object.set(name, value(childPointer, childPath));
      }
      return object;
    }

    private ArrayNode array(String pointer, String path) throws IOException {
      ArrayNode array = NODES.arrayNode();
      for (int index = 0; parser.nextToken() != JsonToken.END_ARRAY; index++) {
        LoadProgress.reading(index, parser.currentLocation().getCharOffset(), length);
        array.add(value(Paths.pointer(pointer, index), Paths.element(path, index)));
      }
      return array;
    }
  }
}
