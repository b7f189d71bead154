package faultline.visualizer.trace;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Hand-written traces with every event type the timeline draws (roles, a partition, a block, a
 * crash, a pause, a clock jump, a lost, a duplicated and an in-flight message, client operations
 * and a violation), and a generator of large synthetic traces for the scale measurements.
 */
public final class TraceFixtures {
  private TraceFixtures() {}

  public static final String HEADER =
      "{\"type\":\"header\",\"format\":\"faultline-trace\",\"version\":1,\"scenario\":"
          + "{\"protocol\":\"raft\",\"nodes\":[\"n1\",\"n2\",\"n3\"],\"name\":\"fixture/raft\"},"
          + "\"seed\":7,\"nodes\":[\"n1\",\"n2\",\"n3\"]}";

  /** A small Raft-like run, as trace lines (header first, end line last). */
  public static List<String> raftLike() {
    List<String> events = new ArrayList<>();
    events.add(node(0, "start", "n1", ""));
    events.add(node(0, "start", "n2", ""));
    events.add(node(0, "start", "n3", ""));
    events.add(node(0, "state", "n1", ",\"state\":{\"role\":\"FOLLOWER\",\"term\":0}"));
    events.add(node(0, "state", "n2", ",\"state\":{\"role\":\"FOLLOWER\",\"term\":0}"));
    events.add(node(0, "state", "n3", ",\"state\":{\"role\":\"FOLLOWER\",\"term\":0}"));
    events.add(node(100, "timer", "n1", ",\"timer\":\"ELECTION_TIMEOUT\""));
    events.add(node(100, "state", "n1", ",\"state\":{\"role\":\"CANDIDATE\",\"term\":1}"));
    events.add(send(100, "n1", "n2", 1, "RequestVote", "{\"term\":1}"));
    events.add(send(100, "n1", "n3", 2, "RequestVote", "{\"term\":1}"));
    events.add(deliver(110, "n2", "n1", 1, "RequestVote", ""));
    events.add(send(110, "n2", "n1", 3, "VoteReply", "{\"granted\":true}"));
    events.add(
        node(
            112,
            "drop",
            "n3",
            ",\"from\":\"n1\",\"to\":\"n3\",\"id\":2,\"msg\":\"RequestVote\",\"reason\":\"loss\""));
    events.add(deliver(120, "n1", "n2", 3, "VoteReply", ""));
    events.add(deliver(125, "n1", "n2", 3, "VoteReply", ",\"copy\":2"));
    events.add(node(120, "state", "n1", ",\"state\":{\"role\":\"LEADER\",\"term\":1}"));
    events.add(
        "{\"seq\":0,\"t\":200,\"type\":\"partition\",\"groups\":[[\"n1\"],[\"n2\",\"n3\"]]}");
    events.add(send(210, "n1", "n2", 4, "AppendEntries", "{\"term\":1,\"entries\":[]}"));
    events.add(
        node(
            215,
            "drop",
            "n2",
            ",\"from\":\"n1\",\"to\":\"n2\",\"id\":4,\"msg\":\"AppendEntries\",\"reason\":\"partition\""));
    events.add(
        node(
            220,
            "client",
            "n1",
            ",\"process\":0,\"phase\":\"invoke\",\"op\":{\"f\":\"write\",\"value\":3}"));
    events.add(node(230, "crash", "n3", ",\"loseUnsyncedWrites\":false,\"lostWrites\":0"));
    events.add(node(240, "clock", "n2", ",\"change\":\"jump\",\"deltaNanos\":50"));
    events.add(node(250, "pause", "n2", ",\"durationNanos\":30"));
    events.add(node(260, "client", "n1", ",\"process\":0,\"phase\":\"info\""));
    events.add("{\"seq\":0,\"t\":270,\"type\":\"block\",\"from\":\"n1\",\"to\":\"n3\"}");
    events.add(node(280, "resume", "n2", ",\"deferred\":0"));
    events.add("{\"seq\":0,\"t\":300,\"type\":\"heal\"}");
    events.add(node(310, "restart", "n3", ""));
    events.add(
        node(
            320,
            "violation",
            "n2",
            ",\"invariant\":\"raft.election-safety\",\"message\":\"two leaders in term 1\""));
    events.add(send(330, "n2", "n3", 5, "AppendEntries", "{\"term\":1}"));
    events.add("{\"seq\":0,\"t\":340,\"type\":\"halt\",\"reason\":\"deadline\"}");
    return withSequenceAndEnd(events);
  }

  private static String node(long t, String type, String node, String rest) {
    long wall = node.equals("n2") && t >= 240 ? t + 50 : t;
    return "{\"seq\":0,\"t\":"
        + t
        + ",\"type\":\""
        + type
        + "\",\"node\":\""
        + node
        + "\",\"wall\":"
        + wall
        + ",\"mono\":"
        + t
        + rest
        + "}";
  }

  private static String send(long t, String from, String to, int id, String msg, String payload) {
    return node(
        t,
        "send",
        from,
        ",\"to\":\"" + to + "\",\"id\":" + id + ",\"msg\":\"" + msg + "\",\"payload\":" + payload);
  }

  private static String deliver(long t, String at, String from, int id, String msg, String copy) {
    return node(
        t,
        "deliver",
        at,
        ",\"from\":\"" + from + "\",\"id\":" + id + copy + ",\"msg\":\"" + msg + "\"");
  }

  /** Numbers the events, sorts them by time (stable) and appends a correct end line. */
  static List<String> withSequenceAndEnd(List<String> events) {
    List<String> sorted = new ArrayList<>(events);
    sorted.sort(java.util.Comparator.comparingLong(TraceFixtures::timeOf));
    List<String> lines = new ArrayList<>();
    lines.add(HEADER);
    for (int i = 0; i < sorted.size(); i++) {
      lines.add(sorted.get(i).replaceFirst("\"seq\":0", "\"seq\":" + (i + 1)));
    }
    lines.add(endLine(lines));
    return lines;
  }

  private static long timeOf(String line) {
    int at = line.indexOf("\"t\":") + 4;
    return Long.parseLong(line.substring(at, line.indexOf(',', at)));
  }

  static String endLine(List<String> lines) {
    MessageDigest digest = sha256();
    for (String line : lines) {
      digest.update((line + "\n").getBytes(StandardCharsets.UTF_8));
    }
    return "{\"type\":\"end\",\"events\":"
        + (lines.size() - 1)
        + ",\"traceSha256\":\""
        + HexFormat.of().formatHex(digest.digest())
        + "\"}";
  }

  public static void write(Path path, List<String> lines) throws IOException {
    Files.writeString(path, String.join("\n", lines) + "\n");
  }

  /**
   * Writes a valid trace of about {@code events} events on {@code nodes} nodes: every node sends to
   * the next one in turn, a few messages are lost, and leaders change every 50,000 events.
   */
  public static void writeSynthetic(Path path, int events, int nodes) throws IOException {
    MessageDigest digest = sha256();
    List<String> names = new ArrayList<>();
    for (int i = 1; i <= nodes; i++) {
      names.add("n" + i);
    }
    try (OutputStream out =
        new java.io.BufferedOutputStream(Files.newOutputStream(path), 1 << 20)) {
      String header =
          "{\"type\":\"header\",\"format\":\"faultline-trace\",\"version\":1,"
              + "\"scenario\":{\"name\":\"synthetic\"},\"seed\":1,\"nodes\":[\""
              + String.join("\",\"", names)
              + "\"]}";
      emit(out, digest, header);
      long seq = 0;
      long t = 0;
      long id = 0;
      while (seq + 3 <= events) {
        t += 1_000;
        int from = (int) (id % nodes);
        int to = (from + 1) % nodes;
        id++;
        String sender = names.get(from);
        String receiver = names.get(to);
        emit(
            out,
            digest,
            "{\"seq\":"
                + (++seq)
                + ",\"t\":"
                + t
                + ",\"type\":\"send\",\"node\":\""
                + sender
                + "\",\"wall\":"
                + t
                + ",\"mono\":"
                + t
                + ",\"to\":\""
                + receiver
                + "\",\"id\":"
                + id
                + ",\"msg\":\"Ping\",\"payload\":{\"round\":"
                + id
                + "}}");
        long arrive = t + 700;
        String kind = id % 97 == 0 ? "drop" : "deliver";
        String rest =
            kind.equals("drop")
                ? ",\"from\":\""
                    + sender
                    + "\",\"to\":\""
                    + receiver
                    + "\",\"id\":"
                    + id
                    + ",\"msg\":\"Ping\",\"reason\":\"loss\"}"
                : ",\"from\":\"" + sender + "\",\"id\":" + id + ",\"msg\":\"Ping\"}";
        emit(
            out,
            digest,
            "{\"seq\":"
                + (++seq)
                + ",\"t\":"
                + arrive
                + ",\"type\":\""
                + kind
                + "\",\"node\":\""
                + receiver
                + "\",\"wall\":"
                + arrive
                + ",\"mono\":"
                + arrive
                + rest);
        t = arrive;
        String role = (seq / 50_000) % nodes == to ? "LEADER" : "FOLLOWER";
        emit(
            out,
            digest,
            "{\"seq\":"
                + (++seq)
                + ",\"t\":"
                + t
                + ",\"type\":\"state\",\"node\":\""
                + receiver
                + "\",\"wall\":"
                + t
                + ",\"mono\":"
                + t
                + ",\"state\":{\"role\":\""
                + role
                + "\",\"term\":"
                + (seq / 50_000)
                + "}}");
      }
      String end =
          "{\"type\":\"end\",\"events\":"
              + seq
              + ",\"traceSha256\":\""
              + HexFormat.of().formatHex(digest.digest())
              + "\"}\n";
      out.write(end.getBytes(StandardCharsets.UTF_8));
    }
  }

  private static void emit(OutputStream out, MessageDigest digest, String line) throws IOException {
    byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
    digest.update(bytes);
    out.write(bytes);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
