package faultline.scenarios.catalog;

import faultline.scenarios.model.Scenario;
import faultline.scenarios.parse.ScenarioLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The bundled scenarios, listed in {@code /scenarios/index.txt} on the classpath (a test keeps the
 * index equal to the files) and loaded from {@code /scenarios/<name>.json}.
 */
public final class Catalog {
  private static final String ROOT = "/scenarios/";

  private final ScenarioLoader loader;

  public Catalog(ScenarioLoader loader) {
    this.loader = loader;
  }

  /** Every bundled scenario name, like {@code clocks/lww-skew}, in index order. */
  public static List<String> names() {
    String index = read("index.txt").orElseThrow(() -> new IllegalStateException("no index"));
    return index
        .lines()
        .map(String::strip)
        .filter(line -> !line.isEmpty() && !line.startsWith("#"))
        .toList();
  }

  public static boolean contains(String name) {
    return names().contains(name);
  }

  /** Loads a bundled scenario; an error in a bundled file is reported like any other. */
  public Scenario load(String name) {
    String text =
        read(name + ".json")
            .orElseThrow(() -> new IllegalArgumentException("no bundled scenario " + name));
    return loader.load("bundled:" + name + ".json", "bundled:" + name, name, text);
  }

  private static Optional<String> read(String resource) {
    try (InputStream in = Catalog.class.getResourceAsStream(ROOT + resource)) {
      if (in == null) {
        return Optional.empty();
      }
      return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("reading bundled " + resource, e);
    }
  }
}
