package faultline.scenarios.export;

import com.fasterxml.jackson.databind.JsonNode;
import faultline.engine.lookup.LookupMap;
import faultline.engine.trace.TraceEvent;
import faultline.engine.trace.TraceHeader;
import faultline.scenarios.export.ChromeTraceWriter.Args;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A run as Chrome trace-event JSON (the Trace Event Format's object form), which the Perfetto UI
 * and {@code chrome://tracing} open. One process, the run; per node two tracks ("threads"): the
 * node's own, with a slice per handler step (start, restart, delivery, timer) and instants for
 * drops, clock changes, notes and violations; and its state track, with a slice per protocol state
 * (a Raft role and term, from {@code state} events), a {@code crashed} slice from each crash to the
 * restart, and {@code paused} slices nested in the state they interrupt. A {@code network} track
 * holds partitions (slices, from each partition to the heal), one-way blocks (async spans, which
 * may overlap), link changes, and violations of the whole run. Every delivered message is a flow
 * arrow from its send (in the sender's step) to its delivery (the receiver's step it starts); each
 * copy of a duplicated message is an arrow of its own. Times are the run's true time.
 */
public final class PerfettoExport implements RunExport {
  static final int NETWORK_TID = 1;

  private ChromeTraceWriter out;
  private final LookupMap<String, NodeTrack> tracks = new LookupMap<>(); // Only looked up.
  private final List<NodeTrack> ordered = new ArrayList<>();
  private final LookupMap<Long, Sent> sends = new LookupMap<>(); // Only looked up.
  private final Network network = new Network();
  private long endNanos;
  private long arrows;
  private long violations;

  private record Sent(int tid, long atNanos) {}

  @Override
  public void begin(TraceHeader header, Writer writer) throws IOException {
    String title =
        "faultline " + header.scenario().path("name").asText("run") + " --seed " + header.seed();
    out = new ChromeTraceWriter(writer, List.of(Map.entry("title", title)));
    out.name("process_name", NETWORK_TID, title);
    out.name("thread_name", NETWORK_TID, "network");
    out.sortIndex(NETWORK_TID, 0);
    for (int i = 0; i < header.nodes().size(); i++) {
      NodeTrack track = new NodeTrack(header.nodes().get(i), i);
      tracks.put(track.node, track);
      ordered.add(track);
      out.name("thread_name", track.stepsTid, track.node);
      out.sortIndex(track.stepsTid, track.stepsTid);
      out.name("thread_name", track.stateTid, track.node + " state");
      out.sortIndex(track.stateTid, track.stateTid);
    }
  }

  @Override
  public void accept(TraceEvent event) throws IOException {
    long atNanos = event.at().timeNanos();
    endNanos = Math.max(endNanos, atNanos);
    NodeTrack track = event.at().hasNode() ? tracks.get(event.at().node()) : null;
    if (track == null) {
      network.accept(event);
      return;
    }
    Args args = Args.of("seq", event.at().seq(), "event", EventText.of(event));
    switch (event) {
      case TraceEvent.Start s -> track.beginStep(out, atNanos, "start", args);
      case TraceEvent.Restart r -> {
        track.restart(out, atNanos);
        track.beginStep(out, atNanos, "restart", args);
      }
      case TraceEvent.Timer t -> track.beginStep(out, atNanos, "timer " + t.timer(), args);
      case TraceEvent.Deliver d -> deliver(track, d, args);
      case TraceEvent.Send s -> sends.put(s.id(), new Sent(track.stepsTid, atNanos));
      case TraceEvent.State s -> track.changeState(out, atNanos, stateName(s.state()), args);
      case TraceEvent.Crash c -> track.crash(out, atNanos, args);
      case TraceEvent.Pause p -> {
        track.advance(out, atNanos);
        track.pause(atNanos, p.durationNanos());
      }
      case TraceEvent.Resume r -> track.resume(out, atNanos);
      case TraceEvent.Violation v -> {
        track.advance(out, atNanos);
        out.instant(track.stepsTid, "violation", "violation " + v.invariant(), atNanos, "t", args);
        violations++;
      }
      case TraceEvent.Drop d -> instant(track, "drop", "drop " + d.msg(), atNanos, args);
      case TraceEvent.Clock c -> instant(track, "fault", "clock " + c.change(), atNanos, args);
      case TraceEvent.Note n -> instant(track, "note", "note", atNanos, args);
      default -> track.advance(out, atNanos); // Protocol records: shown in the step's history.
    }
  }

  private void deliver(NodeTrack track, TraceEvent.Deliver deliver, Args args) throws IOException {
    long atNanos = deliver.at().timeNanos();
    track.beginStep(out, atNanos, "deliver " + deliver.msg(), args);
    Sent sent = sends.get(deliver.id());
    if (sent == null) {
      return; // Sent before the trace began: cannot happen in a whole trace.
    }
    String id = "m" + deliver.id() + (deliver.copy() > 1 ? "." + deliver.copy() : "");
    out.flow("s", sent.tid(), deliver.msg(), id, sent.atNanos());
    out.flow("f", track.stepsTid, deliver.msg(), id, atNanos);
    arrows++;
  }

  private void instant(NodeTrack track, String category, String name, long atNanos, Args args)
      throws IOException {
    track.advance(out, atNanos);
    out.instant(track.stepsTid, category, name, atNanos, "t", args);
  }

  @Override
  public String finish() throws IOException {
    long slices = 0;
    for (NodeTrack track : ordered) {
      track.finish(out, endNanos);
      slices += track.slices();
    }
    network.finish();
    out.finish();
    return String.format(
        Locale.ROOT,
        "Chrome trace JSON for Perfetto, %,d trace events: %,d slices on %d nodes, %,d message"
            + " arrows, %s, %s",
        out.events(),
        slices,
        ordered.size(),
        arrows,
        counted(network.partitions, "partition"),
        counted(violations + network.violations, "violation"));
  }

  private static String counted(long count, String noun) {
    return String.format(Locale.ROOT, "%,d %s%s", count, noun, count == 1 ? "" : "s");
  }

  /** A Raft-like state's role and term ({@code LEADER t3}), else the state itself, cut short. */
  static String stateName(JsonNode state) {
    JsonNode role = state.get("role");
    if (role == null || !role.isValueNode()) {
      return "state " + EventText.cut(state);
    }
    JsonNode term = state.get("term");
    return role.asText() + (term != null && term.isIntegralNumber() ? " t" + term.asLong() : "");
  }

  /** The network track: partitions as slices, blocks as async spans, the rest as instants. */
  private final class Network {
    private final Set<String> blocked = new TreeSet<>(); // Sorted: its order reaches the file.
    private long partitionStartNanos = -1;
    private String partitionName;
    long partitions;
    long violations;

    void accept(TraceEvent event) throws IOException {
      long atNanos = event.at().timeNanos();
      Args args = Args.of("seq", event.at().seq(), "event", EventText.of(event));
      switch (event) {
        case TraceEvent.Partition p -> {
          endPartition(atNanos);
          partitionStartNanos = atNanos;
          partitionName = "partition " + groups(p.groups());
        }
        case TraceEvent.Heal h -> endPartition(atNanos);
        case TraceEvent.Block b -> {
          if (blocked.add(blockId(b.from(), b.to()))) {
            out.async(
                "b",
                NETWORK_TID,
                "fault",
                blockId(b.from(), b.to()),
                blockId(b.from(), b.to()),
                atNanos);
          }
        }
        case TraceEvent.Unblock u -> unblock(blockId(u.from(), u.to()), atNanos);
        case TraceEvent.Violation v -> {
          out.instant(NETWORK_TID, "violation", "violation " + v.invariant(), atNanos, "g", args);
          violations++;
        }
        default -> out.instant(NETWORK_TID, "run", event.type(), atNanos, "t", args);
      }
    }

    void finish() throws IOException {
      endPartition(endNanos);
      for (String id : List.copyOf(blocked)) {
        unblock(id, endNanos);
      }
    }

    private void unblock(String id, long atNanos) throws IOException {
      if (blocked.remove(id)) {
        out.async("e", NETWORK_TID, "fault", id, id, atNanos);
      }
    }

    private void endPartition(long atNanos) throws IOException {
      if (partitionStartNanos < 0) {
        return;
      }
      out.slice(
          NETWORK_TID,
          "fault",
          partitionName,
          partitionStartNanos,
          atNanos - partitionStartNanos,
          Args.NONE);
      partitions++;
      partitionStartNanos = -1;
    }

    private static String blockId(String from, String to) {
      return "blocked " + from + "->" + to;
    }

    private static String groups(List<List<String>> groups) {
      return groups.stream()
          .map(group -> "{" + String.join(",", group) + "}")
          .collect(Collectors.joining(" | "));
    }
  }
}
