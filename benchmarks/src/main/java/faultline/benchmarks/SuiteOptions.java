package faultline.benchmarks;

import faultline.benchmarks.hold.Engines;
import java.util.Arrays;
import java.util.List;

/**
 * The suite's few options, with defaults that finish in a few minutes on two cores: one fork, two
 * warm-up and five measured iterations of one second, for five engines at three sizes.
 */
record SuiteOptions(
    int forks,
    int warmups,
    int iterations,
    List<Integer> sizes,
    List<String> engines,
    boolean gcProfiler,
    boolean cpuTimeCheck) {

  /** The options, or null after printing what is wrong. */
  static SuiteOptions parse(String[] args) {
    int forks = 1;
    int warmups = 2;
    int iterations = 5;
    List<Integer> sizes = List.of(1_000, 100_000, 1_000_000);
    List<String> engines = Engines.labels();
    boolean gcProfiler = true;
    boolean cpuTimeCheck = true;
    try {
      for (int i = 0; i < args.length; i++) {
        String name = args[i];
        switch (name) {
          case "--forks" -> forks = positive(name, value(args, ++i, name));
          case "--warmups" -> warmups = Integer.parseInt(value(args, ++i, name));
          case "--iterations" -> iterations = positive(name, value(args, ++i, name));
          case "--sizes" ->
              sizes =
                  Arrays.stream(value(args, ++i, name).split(","))
                      .map(size -> positive(name, size.replace("_", "")))
                      .toList();
          case "--engines" -> {
            engines = Arrays.asList(value(args, ++i, name).split(","));
            engines.forEach(Engines::named);
          }
          case "--no-gc" -> gcProfiler = false;
          case "--no-cpu-check" -> cpuTimeCheck = false;
          case "--help", "-h" -> {
            BenchSuite.usage(System.out);
            System.exit(0);
          }
          default -> throw new IllegalArgumentException("unknown option " + name);
        }
      }
    } catch (IllegalArgumentException e) {
      System.err.println("benchmarks: " + e.getMessage());
      BenchSuite.usage(System.err);
      return null;
    }
    return new SuiteOptions(forks, warmups, iterations, sizes, engines, gcProfiler, cpuTimeCheck);
  }

  private static String value(String[] args, int index, String name) {
    if (index >= args.length) {
      throw new IllegalArgumentException(name + " needs a value");
    }
    return args[index];
  }

  private static int positive(String name, String text) {
    int value = Integer.parseInt(text);
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be positive: " + text);
    }
    return value;
  }
}
