package faultline.visualizer.trace;

import java.util.ArrayList;
import java.util.List;

/**
 * Hand-written membership runs on three members: a SWIM-like one (n2 paused, declared faulty, and
 * refuting at a higher incarnation; n3 crashed and rightly declared faulty), and a heartbeat-like
 * one that announces no starting lists.
 */
public final class MembershipFixtures {
  private MembershipFixtures() {}

  /** The SWIM-like run. */
  public static List<String> swimLike() {
    List<String> events = new ArrayList<>();
    for (String n : List.of("n1", "n2", "n3")) {
      events.add(line(0, "start", n, ""));
      events.add(line(0, "members", n, ",\"alive\":[\"n1\",\"n2\",\"n3\"],\"incarnation\":0"));
    }
    events.add(line(100, "pause", "n2", ",\"durationNanos\":200"));
    events.add(line(150, "timer", "n1", ",\"timer\":\"Probe\""));
    events.add(member(150, "n1", "n2", "suspect", 0, "n1"));
    events.add(send(150, "n1", "n3", 1, "Ping"));
    events.add(deliver(160, "n3", "n1", 1, "Ping"));
    events.add(member(160, "n3", "n2", "suspect", 0, "n1"));
    events.add(line(250, "timer", "n1", ",\"timer\":\"SuspicionTimeout\""));
    events.add(member(250, "n1", "n2", "faulty", 0, "n1"));
    events.add(
        line(
            250,
            "note",
            "n1",
            ",\"text\":\"false positive: n1 holds n2 faulty (incarnation 0, verdict of n1) while"
                + " it is up; cause: pause\""));
    events.add(send(250, "n1", "n3", 2, "Ping"));
    events.add(deliver(255, "n3", "n1", 2, "Ping"));
    events.add(member(255, "n3", "n2", "faulty", 0, "n1"));
    events.add(line(300, "resume", "n2", ",\"deferred\":3"));
    events.add(member(300, "n2", "n2", "alive", 1, "n2"));
    events.add(send(300, "n2", "n1", 3, "Ack"));
    events.add(deliver(305, "n1", "n2", 3, "Ack"));
    events.add(member(305, "n1", "n2", "alive", 1, "n2"));
    events.add(send(305, "n1", "n3", 4, "Ping"));
    events.add(deliver(306, "n3", "n1", 4, "Ping"));
    events.add(member(306, "n3", "n2", "alive", 1, "n2"));
    events.add(line(400, "crash", "n3", ",\"loseUnsyncedWrites\":false,\"lostWrites\":0"));
    events.add(line(450, "timer", "n1", ",\"timer\":\"Probe\""));
    events.add(member(450, "n1", "n3", "suspect", 0, "n1"));
    events.add(line(500, "timer", "n2", ",\"timer\":\"Probe\""));
    events.add(member(500, "n2", "n3", "faulty", 0, "n2"));
    events.add(line(600, "timer", "n1", ",\"timer\":\"Probe\""));
    return TraceFixtures.withSequenceAndEnd(events);
  }

  /** A heartbeat-like run: no starting lists; n1 times n3 out while n3 is paused. */
  public static List<String> heartbeatLike() {
    List<String> events = new ArrayList<>();
    for (String n : List.of("n1", "n2", "n3")) {
      events.add(line(0, "start", n, ""));
    }
    events.add(line(100, "pause", "n3", ",\"durationNanos\":100"));
    events.add(line(150, "timer", "n1", ",\"timer\":\"CHECK\""));
    events.add(member(150, "n1", "n3", "faulty", 0, "n1"));
    events.add(line(200, "resume", "n3", ",\"deferred\":1"));
    events.add(send(200, "n3", "n1", 1, "Heartbeat"));
    events.add(deliver(210, "n1", "n3", 1, "Heartbeat"));
    events.add(member(210, "n1", "n3", "alive", 0, "n3"));
    events.add(line(300, "timer", "n2", ",\"timer\":\"CHECK\""));
    return TraceFixtures.withSequenceAndEnd(events);
  }

  static String line(long t, String type, String node, String rest) {
    return "{\"seq\":0,\"t\":"
        + t
        + ",\"type\":\""
        + type
        + "\",\"node\":\""
        + node
        + "\",\"wall\":"
        + t
        + ",\"mono\":"
        + t
        + rest
        + "}";
  }

  static String member(long t, String node, String member, String status, long inc, String src) {
    return line(
        t,
        "member",
        node,
        ",\"member\":\""
            + member
            + "\",\"status\":\""
            + status
            + "\",\"incarnation\":"
            + inc
            + ",\"source\":\""
            + src
            + "\"");
  }

  private static String send(long t, String from, String to, int id, String msg) {
    return line(
        t,
        "send",
        from,
        ",\"to\":\"" + to + "\",\"id\":" + id + ",\"msg\":\"" + msg + "\",\"payload\":{}");
  }

  private static String deliver(long t, String at, String from, int id, String msg) {
    return line(
        t, "deliver", at, ",\"from\":\"" + from + "\",\"id\":" + id + ",\"msg\":\"" + msg + "\"");
  }
}
