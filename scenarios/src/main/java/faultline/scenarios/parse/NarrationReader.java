package faultline.scenarios.parse;

import com.fasterxml.jackson.databind.JsonNode;
import faultline.engine.node.NodeId;
import faultline.scenarios.model.Narration;
import faultline.scenarios.model.Narration.EventSelector;
import faultline.scenarios.model.Narration.Step;
import faultline.scenarios.model.Narration.Zoom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Reads a scenario's {@code narration}: an array of steps, each with exactly one of {@code at} (a
 * duration) or {@code event} (a selector object), a {@code caption}, and optionally {@code
 * highlight} (nodes) and {@code zoom} (a window). Everything that can be checked without running is
 * checked here; whether a selector finds its event is checked where the run is at hand ({@code
 * NarrationResolver}), with this step's location.
 */
final class NarrationReader {
  static final int STEPS_MAX = 100;
  static final int CAPTION_LENGTH_MAX = 300;
  static final int NTH_MAX = 1_000_000;
  static final int WHERE_FIELDS_MAX = 8;

  private static final List<String> STEP_FIELDS =
      List.of("at", "event", "caption", "highlight", "zoom");
  private static final List<String> EVENT_FIELDS = List.of("type", "node", "where", "after", "nth");
  private static final List<String> ZOOM_FIELDS = List.of("from", "to", "before", "after");

  /** A trace event type: what engine and protocol records are called. */
  private static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9_-]{0,39}");

  /** A field path into an event record: names joined by dots, such as {@code state.role}. */
  private static final Pattern FIELD_PATH =
      Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,39}(\\.[A-Za-z_][A-Za-z0-9_]{0,39}){0,3}");

  private NarrationReader() {}

  static Narration read(Cursor narration, KnownNodes nodes, long durationNanos) {
    if (!narration.present()) {
      return Narration.NONE;
    }
    List<Cursor> elements = narration.elements();
    if (elements.isEmpty() || elements.size() > STEPS_MAX) {
      throw narration.error(
          "a narration has from 1 to "
              + STEPS_MAX
              + " steps, got "
              + elements.size()
              + " (leave out \"narration\" for none)");
    }
    List<Step> steps = new ArrayList<>();
    for (Cursor element : elements) {
      steps.add(step(element, steps.size() + 1, nodes, durationNanos));
    }
    return new Narration(steps);
  }

  private static Step step(Cursor step, int number, KnownNodes nodes, long durationNanos) {
    step.expectObject().onlyFields(STEP_FIELDS);
    Cursor at = step.field("at");
    Cursor event = step.field("event");
    if (at.present() == event.present()) {
      throw step.error("a step has exactly one of \"at\" (a time) or \"event\" (a selector)");
    }
    long atNanos = at.present() ? withinRun(at, at.durationNanos(), durationNanos) : -1;
    EventSelector selector = event.present() ? selector(event, nodes, durationNanos) : null;
    String caption = caption(step.required("caption"));
    List<NodeId> highlight =
        step.field("highlight").present()
            ? nodes.distinctNodes(step.field("highlight"))
            : List.of();
    Zoom zoom = zoom(step.field("zoom"));
    if (zoom != null && !zoom.aroundMoment() && at.present()) {
      if (atNanos < zoom.fromNanos() || atNanos > zoom.toNanos()) {
        throw step.field("zoom").error("the window does not contain the step's time \"at\"");
      }
    }
    return new Step(
        number,
        atNanos,
        selector,
        caption,
        highlight,
        zoom,
        (event.present() ? event : step).spot());
  }

  private static long withinRun(Cursor field, long nanos, long durationNanos) {
    if (nanos > durationNanos) {
      throw field.error("after the end of the run (" + Durations.format(durationNanos) + ")");
    }
    return nanos;
  }

  private static String caption(Cursor field) {
    String caption = ScenarioLoader.prose(field);
    if (caption.length() > CAPTION_LENGTH_MAX) {
      throw field.error(
          "a caption is at most "
              + CAPTION_LENGTH_MAX
              + " characters (it must fit a slide), got "
              + caption.length());
    }
    return caption;
  }

  private static EventSelector selector(Cursor event, KnownNodes nodes, long durationNanos) {
    event.expectObject().onlyFields(EVENT_FIELDS);
    Cursor typeField = event.required("type");
    String type = typeField.nonBlankText();
    if (!TYPE.matcher(type).matches()) {
      throw typeField.error(
          "an event type is a trace record's name, such as \"state\", \"violation\" or \"crash\";"
              + " got "
              + Messages.quote(type));
    }
    NodeId node = event.field("node").present() ? nodes.node(event.field("node")) : null;
    Cursor after = event.field("after");
    long afterNanos = after.present() ? withinRun(after, after.durationNanos(), durationNanos) : 0;
    Cursor nth = event.field("nth");
    int n = nth.present() ? (int) nth.integer(1, NTH_MAX) : 1;
    return new EventSelector(type, node, where(event.field("where")), afterNanos, n);
  }

  /** Field paths and the JSON scalar each must equal, kept as canonical JSON text. */
  private static SortedMap<String, String> where(Cursor where) {
    SortedMap<String, String> fields = new TreeMap<>();
    if (!where.present()) {
      return Collections.unmodifiableSortedMap(fields);
    }
    List<String> names = where.fieldNames();
    if (names.isEmpty() || names.size() > WHERE_FIELDS_MAX) {
      throw where.error(
          "\"where\" holds from 1 to " + WHERE_FIELDS_MAX + " fields, got " + names.size());
    }
    for (String name : names) {
      Cursor value = where.field(name);
      if (!FIELD_PATH.matcher(name).matches()) {
        throw value.nameError(
            "a field path is up to four names joined by dots, such as \"state.role\"; got "
                + Messages.quote(name));
      }
      JsonNode node = value.node();
      if (!node.isTextual() && !node.isIntegralNumber() && !node.isBoolean()) {
        throw value.error("expected a string, an integer or a boolean, got " + value.describe());
      }
      fields.put(name, node.toString());
    }
    return Collections.unmodifiableSortedMap(fields);
  }

  private static Zoom zoom(Cursor zoom) {
    if (!zoom.present()) {
      return null;
    }
    zoom.expectObject().onlyFields(ZOOM_FIELDS);
    boolean absolute = zoom.field("from").present() || zoom.field("to").present();
    boolean around = zoom.field("before").present() || zoom.field("after").present();
    if (absolute == around) {
      throw zoom.error(
          "a zoom is either \"from\" and \"to\" (times) or \"before\" and \"after\" (around the"
              + " step's moment)");
    }
    if (absolute) {
      long from = zoom.required("from").durationNanos();
      long to = zoom.required("to").durationNanos();
      if (to <= from) {
        throw zoom.field("to").error("\"to\" must be after \"from\"");
      }
      return new Zoom(from, to, false);
    }
    long before = zoom.required("before").durationNanos();
    long after = zoom.required("after").durationNanos();
    if (before + after == 0) {
      throw zoom.field("after").error("the window is empty: \"before\" and \"after\" are both 0");
    }
    return new Zoom(before, after, true);
  }
}
