package faultline.visualizer.trace;

import java.util.ArrayList;
import java.util.List;

/**
 * A membership run of any size, for the scale checks: every member starts with the whole list; the
 * last member crashes at 10 s and every other member suspects it, then declares it faulty; the
 * first is paused at 20 s, wrongly declared faulty by all, and refutes at incarnation 1.
 */
public final class MembershipScaleFixture {
  private MembershipScaleFixture() {}

  public static Timeline run(int members) {
    List<String> names = new ArrayList<>();
    for (int i = 1; i <= members; i++) {
      names.add("n" + i);
    }
    String list = "[\"" + String.join("\",\"", names) + "\"]";
    List<String> lines = new ArrayList<>();
    lines.add(
        "{\"type\":\"header\",\"format\":\"faultline-trace\",\"version\":2,\"scenario\":"
            + "{\"name\":\"synthetic/membership\",\"protocol\":\"swim\"},\"seed\":1,\"nodes\":"
            + list
            + "}");
    List<String> events = new ArrayList<>();
    for (String n : names) {
      events.add(MembershipFixtures.line(0, "start", n, ""));
      events.add(
          MembershipFixtures.line(0, "members", n, ",\"alive\":" + list + ",\"incarnation\":0"));
    }
    String last = names.getLast();
    String first = names.getFirst();
    events.add(
        MembershipFixtures.line(
            10_000_000_000L, "crash", last, ",\"loseUnsyncedWrites\":false,\"lostWrites\":0"));
    news(events, names, last, "suspect", 0, 11_000_000_000L);
    news(events, names, last, "faulty", 0, 15_000_000_000L);
    events.add(MembershipFixtures.line(20_000_000_000L, "pause", first, ",\"durationNanos\":1"));
    news(events, names, first, "faulty", 0, 21_000_000_000L);
    events.add(MembershipFixtures.line(25_000_000_000L, "resume", first, ",\"deferred\":0"));
    news(events, names, first, "alive", 1, 25_000_000_000L);
    events.add(MembershipFixtures.line(40_000_000_000L, "timer", first, ",\"timer\":\"Probe\""));
    for (int i = 0; i < events.size(); i++) {
      lines.add(events.get(i).replaceFirst("\"seq\":0", "\"seq\":" + (i + 1)));
    }
    return TraceReader.fromLines("synthetic", lines);
  }

  /** Every live member learns the news about {@code about}, one after the other, 1 ms apart. */
  private static void news(
      List<String> events, List<String> names, String about, String status, long inc, long at) {
    long t = at;
    for (String n : names) {
      if (!n.equals(names.getLast())) {
        events.add(MembershipFixtures.member(t, n, about, status, inc, names.getFirst()));
        t += 1_000_000;
      }
    }
  }
}
