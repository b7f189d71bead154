package faultline.scenarios.bind;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/** The registry of protocol bindings that scenario files may name. */
public final class Protocols {
  private static final List<ProtocolBinding> ALL =
      List.of(
          new LwwRegisterBinding(),
          new LockServiceBinding(),
          new RedlockBinding(),
          new LeaseElectionBinding(),
          new SwimBinding(),
          new RaftBinding(),
          new PaxosBinding(),
          new MultiPaxosBinding());

  // Bindings from modules above this one (the exercises bind the students' nodes), found with
  // ServiceLoader in META-INF/services/faultline.scenarios.bind.ProtocolBinding, sorted by name.
  private static final List<ProtocolBinding> WITH_EXTENSIONS = withExtensions(ALL);

  private Protocols() {}

  public static List<ProtocolBinding> all() {
    return WITH_EXTENSIONS;
  }

  private static List<ProtocolBinding> withExtensions(List<ProtocolBinding> builtIn) {
    List<ProtocolBinding> result = new ArrayList<>(builtIn);
    ServiceLoader.load(ProtocolBinding.class).stream()
        .map(ServiceLoader.Provider::get)
        .sorted(Comparator.comparing(ProtocolBinding::name))
        .forEach(result::add);
    return List.copyOf(result);
  }

  public static Optional<ProtocolBinding> named(String name) {
    return all().stream().filter(binding -> binding.name().equals(name)).findFirst();
  }

  /** Protocol name to its invariant names, as the scenario loader validates them. */
  public static Map<String, SortedSet<String>> invariantsByProtocol() {
    TreeMap<String, SortedSet<String>> result = new TreeMap<>();
    for (ProtocolBinding binding : all()) {
      result.put(binding.name(), new TreeSet<>(binding.invariants().keySet()));
    }
    return result;
  }
}
