package faultline.engine;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import faultline.engine.fault.Fault;
import faultline.engine.net.DropReason;
import faultline.engine.node.Message;
import faultline.engine.node.NodeId;
import faultline.engine.node.TimerTag;
import faultline.engine.trace.TraceWriter;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The engine's trace vocabulary: one method per event type of {@code faultline-trace} v1, so the
 * field names and their order live in one place.
 */
final class EngineTrace {
  private final TraceWriter writer;
  private long nowNanos;

  EngineTrace(TraceWriter writer) {
    this.writer = writer;
  }

  void at(long trueNanos) {
    this.nowNanos = trueNanos;
  }

  /** Starts a node's event whose body the caller writes, then ends with {@link #end()}. */
  private JsonGenerator begin(String type, NodeSlot slot) {
    return writer.beginEvent(
        type, nowNanos, slot.id, slot.wallNanos(nowNanos), slot.monotonicNanos(nowNanos));
  }

  private long end() {
    return writer.endEvent();
  }

  private long nodeEvent(String type, NodeSlot slot, TraceWriter.Body body) {
    return writer.event(
        type, nowNanos, slot.id, slot.wallNanos(nowNanos), slot.monotonicNanos(nowNanos), body);
  }

  void start(NodeSlot slot) {
    nodeEvent("start", slot, json -> {});
  }

  // The events of every step (send, deliver, timer, state, record) are written without a body
  // object; the rarer ones keep the shorter lambda form.

  void send(NodeSlot from, NodeId to, long messageId, Message message) {
    JsonGenerator json = begin("send", from);
    try {
      json.writeStringField("to", to.name());
      json.writeNumberField("id", messageId);
      writeMessage(json, message);
    } catch (IOException e) {
      throw writer.failed(e);
    }
    end();
  }

  void deliver(NodeSlot to, NodeId from, long messageId, int copy, Message message) {
    JsonGenerator json = begin("deliver", to);
    try {
      json.writeStringField("from", from.name());
      json.writeNumberField("id", messageId);
      if (copy > 1) {
        json.writeNumberField("copy", copy);
      }
      json.writeStringField("msg", message.getClass().getSimpleName());
    } catch (IOException e) {
      throw writer.failed(e);
    }
    end();
  }

  /** A drop is drawn on the lane of the node where the message ended: sender or receiver. */
  void drop(NodeSlot at, NodeId from, NodeId to, long messageId, Message message, DropReason why) {
    nodeEvent(
        "drop",
        at,
        json -> {
          json.writeStringField("from", from.name());
          json.writeStringField("to", to.name());
          json.writeNumberField("id", messageId);
          json.writeStringField("msg", message.getClass().getSimpleName());
          json.writeStringField("reason", why.label());
        });
  }

  void timer(NodeSlot slot, TimerTag tag, long dueNanos) {
    JsonGenerator json = begin("timer", slot);
    try {
      json.writeStringField("timer", timerName(tag));
      if (dueNanos < nowNanos) {
        json.writeNumberField("dueT", dueNanos); // Fired late: the node was paused.
      }
    } catch (IOException e) {
      throw writer.failed(e);
    }
    end();
  }

  void state(NodeSlot slot, Object state) {
    JsonGenerator json = begin("state", slot);
    try {
      json.writeFieldName("state");
      writer.writePayload(json, state);
    } catch (IOException e) {
      throw writer.failed(e);
    }
    end();
  }

  void record(NodeSlot slot, String type, Object fields) {
    if (writer.isFlatRecord(fields)) {
      JsonGenerator json = begin(type, slot);
      try {
        writer.writeFlatRecord(json, fields);
      } catch (IOException e) {
        throw writer.failed(e);
      }
      end();
      return;
    }
    JsonNode tree = TraceWriter.mapper().valueToTree(fields);
    Check.argument(tree.isObject(), "fields of a %s record must form an object", type);
    JsonGenerator json = begin(type, slot);
    try {
      Iterator<Map.Entry<String, JsonNode>> entries = tree.fields();
      while (entries.hasNext()) {
        Map.Entry<String, JsonNode> entry = entries.next();
        json.writeFieldName(entry.getKey());
        writer.writePayload(json, entry.getValue());
      }
    } catch (IOException e) {
      throw writer.failed(e);
    }
    end();
  }

  void note(NodeSlot slot, String text) {
    nodeEvent("note", slot, json -> json.writeStringField("text", text));
  }

  void crash(NodeSlot slot, boolean loseUnsyncedWrites, int lostWrites, int droppedDeferred) {
    nodeEvent(
        "crash",
        slot,
        json -> {
          json.writeBooleanField("loseUnsyncedWrites", loseUnsyncedWrites);
          json.writeNumberField("lostWrites", lostWrites);
          if (droppedDeferred > 0) {
            json.writeNumberField("droppedWhilePaused", droppedDeferred);
          }
        });
  }

  void restart(NodeSlot slot) {
    nodeEvent("restart", slot, json -> {});
  }

  void pause(NodeSlot slot, long durationNanos) {
    nodeEvent("pause", slot, json -> json.writeNumberField("durationNanos", durationNanos));
  }

  void resume(NodeSlot slot, int deferredEvents) {
    nodeEvent("resume", slot, json -> json.writeNumberField("deferred", deferredEvents));
  }

  void clock(NodeSlot slot, String change, String field, long value) {
    nodeEvent(
        "clock",
        slot,
        json -> {
          json.writeStringField("change", change);
          json.writeNumberField(field, value);
        });
  }

  void partition(List<List<NodeId>> groups) {
    writer.event(
        "partition",
        nowNanos,
        json -> {
          json.writeArrayFieldStart("groups");
          for (List<NodeId> group : groups) {
            json.writeStartArray();
            for (NodeId node : group) {
              json.writeString(node.name());
            }
            json.writeEndArray();
          }
          json.writeEndArray();
        });
  }

  void heal() {
    writer.event("heal", nowNanos, json -> {});
  }

  void link(String type, NodeId from, NodeId to) {
    writer.event(
        type,
        nowNanos,
        json -> {
          json.writeStringField("from", from.name());
          json.writeStringField("to", to.name());
        });
  }

  void linkChange(Fault.LinkChange change) {
    writer.event(
        "link",
        nowNanos,
        json -> {
          json.writeStringField("from", change.from() == null ? "*" : change.from().name());
          json.writeStringField("to", change.to() == null ? "*" : change.to().name());
          if (change.latency() != null) {
            json.writeFieldName("latency");
            TraceWriter.writeValue(json, change.latency());
          }
          writeRatio(json, "loss", change.loss());
          writeRatio(json, "duplicate", change.duplicate());
          writeRatio(json, "reorder", change.reorder());
          if (change.fifo() != null) {
            json.writeBooleanField("fifo", change.fifo());
          }
        });
  }

  void skipped(NodeSlot slot, String fault, String why) {
    nodeEvent("note", slot, json -> json.writeStringField("text", fault + " skipped: " + why));
  }

  long violation(
      NodeId node, long wallNanos, long monotonicNanos, String invariant, String message) {
    TraceWriter.Body body =
        json -> {
          json.writeStringField("invariant", invariant);
          json.writeStringField("message", message);
        };
    return node == null
        ? writer.event("violation", nowNanos, body)
        : writer.event("violation", nowNanos, node, wallNanos, monotonicNanos, body);
  }

  void halt(String reason) {
    writer.event("halt", nowNanos, json -> json.writeStringField("reason", reason));
  }

  private static void writeRatio(JsonGenerator json, String field, Object ratio)
      throws IOException {
    if (ratio != null) {
      json.writeStringField(field, ratio.toString());
    }
  }

  private void writeMessage(JsonGenerator json, Message message) throws IOException {
    json.writeStringField("msg", message.getClass().getSimpleName());
    json.writeFieldName("payload");
    writer.writePayload(json, message);
  }

  static String timerName(TimerTag tag) {
    return tag instanceof Enum<?> constant ? constant.name() : tag.toString();
  }
}
