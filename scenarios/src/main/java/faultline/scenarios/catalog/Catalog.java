package faultline.scenarios.catalog;

import faultline.scenarios.model.Scenario;
import faultline.scenarios.parse.ScenarioLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * The bundled scenarios: the core ones, listed in {@code /scenarios/index.txt} on the classpath (a
 * test keeps the index equal to the files) and loaded from {@code /scenarios/<name>.json}, followed
 * by those of every {@link CatalogSource} on the classpath (the exercises' files, when that module
 * is there), sorted by the source's class name so that the listing order never depends on the
 * classpath's.
 */
public final class Catalog {
  private static final String ROOT = "/scenarios/";
  private static final List<CatalogSource> SOURCES = sources();

  private final ScenarioLoader loader;

  public Catalog(ScenarioLoader loader) {
    this.loader = loader;
  }

  /** Every bundled scenario name, like {@code clocks/lww-skew}, in listing order. */
  public static List<String> names() {
    List<String> names = new ArrayList<>();
    for (CatalogSource source : SOURCES) {
      names.addAll(source.names());
    }
    return List.copyOf(names);
  }

  public static boolean contains(String name) {
    return names().contains(name);
  }

  /** The bundled scenarios that name {@code protocol}, in listing order. */
  public List<String> namesOf(String protocol) {
    return names().stream().filter(name -> load(name).protocol().equals(protocol)).toList();
  }

  /** Loads a bundled scenario; an error in a bundled file is reported like any other. */
  public Scenario load(String name) {
    String text =
        SOURCES.stream()
            .map(source -> source.read(name))
            .flatMap(Optional::stream)
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException("no bundled scenario " + name));
    return loader.load("bundled:" + name + ".json", "bundled:" + name, name, text);
  }

  private static List<CatalogSource> sources() {
    List<CatalogSource> sources = new ArrayList<>();
    sources.add(new CoreSource());
    ServiceLoader.load(CatalogSource.class).stream()
        .map(ServiceLoader.Provider::get)
        .sorted(Comparator.comparing(source -> source.getClass().getName()))
        .forEach(sources::add);
    Set<String> seen = new HashSet<>();
    for (CatalogSource source : sources) {
      for (String name : source.names()) {
        if (!seen.add(name)) {
          throw new IllegalStateException(
              "two bundled scenarios are named " + name + " (the second from " + source + ")");
        }
      }
    }
    return List.copyOf(sources);
  }

  /** Reads a text resource next to the given class, empty when it is not there. */
  public static Optional<String> readResource(Class<?> anchor, String resource) {
    try (InputStream in = anchor.getResourceAsStream(resource)) {
      if (in == null) {
        return Optional.empty();
      }
      return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("reading bundled " + resource, e);
    }
  }

  /** The lines of an index file: one name per line, blank lines and {@code #} comments skipped. */
  public static List<String> indexLines(String index) {
    return index
        .lines()
        .map(String::strip)
        .filter(line -> !line.isEmpty() && !line.startsWith("#"))
        .toList();
  }

  private static final class CoreSource implements CatalogSource {
    private final List<String> names =
        indexLines(
            readResource(Catalog.class, ROOT + "index.txt")
                .orElseThrow(() -> new IllegalStateException("no index")));

    @Override
    public List<String> names() {
      return names;
    }

    @Override
    public Optional<String> read(String name) {
      return names.contains(name)
          ? readResource(Catalog.class, ROOT + name + ".json")
          : Optional.empty();
    }

    @Override
    public String toString() {
      return "the core catalog";
    }
  }
}
