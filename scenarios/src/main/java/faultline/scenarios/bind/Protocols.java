package faultline.scenarios.bind;

import faultline.scenarios.parse.ScenarioLoader;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The registry of protocol bindings that scenario files may name. Every binding, built in or from a
 * module above this one (the exercises bind the students' nodes), is found the same way: by {@link
 * ServiceLoader}, listed by its class name in {@code
 * META-INF/services/faultline.scenarios.bind.ProtocolBinding} of its module's resources. They are
 * sorted by name, so no listing depends on the classpath's order, and two with one name are an
 * error.
 */
public final class Protocols {
  private static final List<ProtocolBinding> ALL = load();

  private Protocols() {}

  /** Every binding, sorted by name. */
  public static List<ProtocolBinding> all() {
    return ALL;
  }

  public static Optional<ProtocolBinding> named(String name) {
    return all().stream().filter(binding -> binding.name().equals(name)).findFirst();
  }

  /** A scenario loader that knows every protocol here: its invariants and eventually properties. */
  public static ScenarioLoader scenarioLoader() {
    TreeMap<String, SortedSet<String>> invariants = new TreeMap<>();
    TreeMap<String, SortedSet<String>> eventually = new TreeMap<>();
    for (ProtocolBinding binding : all()) {
      invariants.put(binding.name(), new TreeSet<>(binding.invariants().keySet()));
      eventually.put(binding.name(), new TreeSet<>(binding.eventually().keySet()));
    }
    return new ScenarioLoader(invariants, eventually);
  }

  private static List<ProtocolBinding> load() {
    List<ProtocolBinding> bindings =
        ServiceLoader.load(ProtocolBinding.class).stream()
            .map(ServiceLoader.Provider::get)
            .sorted(Comparator.comparing(ProtocolBinding::name))
            .toList();
    Map<String, ProtocolBinding> byName = new TreeMap<>();
    for (ProtocolBinding binding : bindings) {
      ProtocolBinding other = byName.putIfAbsent(binding.name(), binding);
      if (other != null) {
        throw new IllegalStateException(
            "two protocol bindings are named "
                + binding.name()
                + ": "
                + other.getClass().getName()
                + " and "
                + binding.getClass().getName());
      }
    }
    if (bindings.isEmpty()) {
      throw new IllegalStateException(
          "no protocol bindings: META-INF/services/faultline.scenarios.bind.ProtocolBinding is"
              + " missing from the classpath");
    }
    return bindings;
  }
}
