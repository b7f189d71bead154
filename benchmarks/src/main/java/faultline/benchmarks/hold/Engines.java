package faultline.benchmarks.hold;

import java.util.List;
import java.util.function.Function;
import umontreal.ssj.simevents.eventlist.Henriksen;
import umontreal.ssj.simevents.eventlist.SplayTree;

/** The engines under comparison, by the names the benchmark's {@code engine} parameter uses. */
public enum Engines {
  FAULTLINE("faultline", FaultlineHold::new),
  PRIORITY_QUEUE("java-priority-queue", PriorityQueueHold::new),
  SSJ_HENRIKSEN("ssj-henriksen", draws -> new SsjHold(draws, new Henriksen())),
  SSJ_SPLAY("ssj-splay", draws -> new SsjHold(draws, new SplayTree())),
  MASON("mason-schedule", MasonHold::new);

  /** The seed of the shared delay table; any fixed value works, this one is the tables' own. */
  public static final long DRAWS_SEED = 42;

  private final String label;
  private final Function<ExponentialDraws, HoldEngine> factory;

  Engines(String label, Function<ExponentialDraws, HoldEngine> factory) {
    this.label = label;
    this.factory = factory;
  }

  public String label() {
    return label;
  }

  /** A fresh engine reading a fresh copy of the shared delay table. */
  public HoldEngine create() {
    return factory.apply(new ExponentialDraws(DRAWS_SEED));
  }

  public static Engines named(String label) {
    for (Engines engine : values()) {
      if (engine.label.equals(label)) {
        return engine;
      }
    }
    throw new IllegalArgumentException("unknown engine " + label + "; known: " + labels());
  }

  public static List<String> labels() {
    return java.util.Arrays.stream(values()).map(Engines::label).toList();
  }

  /** The engines the faultline queue is compared with. */
  public boolean isPeer() {
    return this != FAULTLINE;
  }
}
