package faultline.exercises;

import faultline.exercises.e01_lamport.LamportExercise;
import faultline.exercises.e02_vector.VectorExercise;
import faultline.exercises.e03_hlc.HlcExercise;
import faultline.exercises.e04_lww.LwwExercise;
import faultline.exercises.e05_election.ElectionExercise;
import faultline.exercises.e06_replication.ReplicationExercise;
import faultline.exercises.e07_fencing.FencingExercise;
import faultline.exercises.e08_split_brain.SplitBrainExercise;
import faultline.exercises.e09_paxos.PaxosExercise;
import faultline.exercises.e10_swim.SwimExercise;
import faultline.exercises.e11_read_index.ReadIndexExercise;
import faultline.exercises.e12_linearizability.LinearizabilityExercise;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The exercises, in course order. The Raft exercises (e05, e06) join this list as their protocols
 * land: each is a package with a node, an {@link Exercise} and a README.
 */
public final class Exercises {
  private static final List<Exercise> ALL =
      List.of(
          new LamportExercise(),
          new VectorExercise(),
          new HlcExercise(),
          new LwwExercise(),
          new ElectionExercise(),
          new ReplicationExercise(),
          new FencingExercise(),
          new SplitBrainExercise(),
          new PaxosExercise(),
          new SwimExercise(),
          new ReadIndexExercise(),
          new LinearizabilityExercise());

  private Exercises() {}

  public static List<Exercise> all() {
    return ALL;
  }

  /** By id ({@code e01}), slug ({@code lamport}) or both ({@code e01-lamport}), any case. */
  public static Optional<Exercise> named(String name) {
    String wanted = name.strip().toLowerCase(Locale.ROOT);
    return ALL.stream()
        .filter(
            exercise ->
                wanted.equals(exercise.id())
                    || wanted.equals(exercise.slug())
                    || wanted.equals(exercise.id() + "-" + exercise.slug()))
        .findFirst();
  }
}
