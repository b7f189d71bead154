package faultline.exercises.e12_linearizability;

import java.util.List;

/**
 * Small histories chosen to test one rule each, named in words so that a failure says which rule.
 * Their verdicts are in the names; the grader still takes them from the simulator's checker, and
 * the tests check that the two agree.
 */
final class ChosenHistories {
  private ChosenHistories() {}

  static List<RegisterCase> all() {
    return List.of(
        chosen("a write, then a read of it: linearizable", new Events().write(0, 1).read(1, 1L)),
        chosen(
            "a write completes, then a read that starts later returns the empty register:"
                + " not linearizable (real time)",
            new Events().write(0, 1).read(1, null)),
        chosen(
            "a read overlaps a write and returns the old value: linearizable",
            new Events()
                .invoke(0, "write", 1L)
                .invoke(1, "read", null)
                .ok(1, "read", null)
                .ok(0, "write", 1L)),
        chosen(
            "two writes overlap, then two reads one after the other return 1 and 2: not"
                + " linearizable",
            new Events()
                .invoke(0, "write", 1L)
                .invoke(1, "write", 2L)
                .ok(0, "write", 1L)
                .ok(1, "write", 2L)
                .read(0, 1L)
                .read(1, 2L)),
        chosen(
            "a write whose outcome is unknown (info), then a read that returns its value:"
                + " linearizable (it took effect)",
            new Events().invoke(0, "write", 1L).info(0, "write", 1L).read(1, 1L)),
        chosen(
            "a write whose outcome is unknown, and a read long after that still returns the empty"
                + " register: linearizable (it never took effect)",
            new Events().invoke(0, "write", 1L).info(0, "write", 1L).read(1, null).read(2, null)),
        chosen(
            "a write whose outcome is unknown takes effect after a later write: linearizable",
            new Events()
                .invoke(0, "write", 1L)
                .info(0, "write", 1L)
                .write(1, 2L)
                .read(2, 2L)
                .read(2, 1L)),
        chosen(
            "a read returns a value before the info write of it was invoked: not linearizable",
            new Events().read(1, 1L).invoke(0, "write", 1L).info(0, "write", 1L)),
        chosen(
            "a failed write, then a read that returns its value: not linearizable",
            new Events().invoke(0, "write", 1L).fail(0, "write", 1L).read(1, 1L)),
        chosen(
            "a write whose outcome is unknown seen by one read, then the value before it: not"
                + " linearizable",
            new Events()
                .write(1, 2L)
                .invoke(0, "write", 1L)
                .info(0, "write", 1L)
                .read(1, 1L)
                .read(2, 2L)),
        chosen(
            "a cas that finds its expected value, then a read of the new one: linearizable",
            new Events()
                .write(0, 1L)
                .invoke(1, "cas", List.of(1L, 2L))
                .ok(1, "cas", List.of(1L, 2L))
                .read(0, 2L)),
        chosen(
            "a cas succeeds on a value nobody wrote: not linearizable",
            new Events()
                .write(0, 1L)
                .invoke(1, "cas", List.of(3L, 2L))
                .ok(1, "cas", List.of(3L, 2L))),
        chosen(
            "two cas of 1 to 2 and 2 to 3 overlap and both succeed, then read 3: linearizable",
            new Events()
                .write(0, 1L)
                .invoke(1, "cas", List.of(2L, 3L))
                .invoke(2, "cas", List.of(1L, 2L))
                .ok(1, "cas", List.of(2L, 3L))
                .ok(2, "cas", List.of(1L, 2L))
                .read(0, 3L)),
        chosen(
            "a cas whose outcome is unknown explains a read of its new value: linearizable",
            new Events()
                .write(0, 1L)
                .invoke(1, "cas", List.of(1L, 2L))
                .info(1, "cas", List.of(1L, 2L))
                .read(0, 2L)),
        chosen(
            "three overlapping writes; reads inside the overlap see 3, 1, then 2: not"
                + " linearizable (a fourth value would be needed)",
            new Events()
                .invoke(0, "write", 1L)
                .invoke(1, "write", 2L)
                .invoke(2, "write", 3L)
                .read(3, 3L)
                .read(3, 1L)
                .read(3, 2L)
                .read(3, 3L)
                .ok(0, "write", 1L)
                .ok(1, "write", 2L)
                .ok(2, "write", 3L)));
  }

  private static RegisterCase chosen(String name, Events events) {
    return new RegisterCase(name, null, events.build());
  }
}
