package faultline.scenarios.bind;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/** The registry of protocol bindings that scenario files may name. */
public final class Protocols {
  private static final List<ProtocolBinding> ALL =
      List.of(new LwwRegisterBinding(), new RaftBinding());

  private Protocols() {}

  public static List<ProtocolBinding> all() {
    return ALL;
  }

  public static Optional<ProtocolBinding> named(String name) {
    return ALL.stream().filter(binding -> binding.name().equals(name)).findFirst();
  }

  /** Protocol name to its invariant names, as the scenario loader validates them. */
  public static Map<String, SortedSet<String>> invariantsByProtocol() {
    TreeMap<String, SortedSet<String>> result = new TreeMap<>();
    for (ProtocolBinding binding : ALL) {
      result.put(binding.name(), new TreeSet<>(binding.invariants().keySet()));
    }
    return result;
  }
}
