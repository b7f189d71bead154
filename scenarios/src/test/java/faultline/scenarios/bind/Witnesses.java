package faultline.scenarios.bind;

import faultline.scenarios.catalog.Catalog;
import faultline.scenarios.model.Scenario;
import faultline.scenarios.parse.ScenarioLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Witness scenarios: test scenarios that exist to show an invariant fire, each naming in {@code
 * "expect": {"violations": [...]}} exactly what its run with its own seed must report, usually by
 * planting a bug from the protocol's bug zoo. A module keeps its witnesses in {@code
 * src/test/resources/witnesses/}, listed by file name in {@code witnesses/index.txt} there; every
 * such index on the test classpath is read (a module's tests see the witnesses of the modules whose
 * test jars they use), so file names must be unique across modules.
 */
public final class Witnesses {
  static final String INDEX = "witnesses/index.txt";

  private Witnesses() {}

  /** Every witness scenario on the classpath, in index order, indexes in classpath order. */
  public static List<Scenario> load(ScenarioLoader loader) {
    List<Scenario> witnesses = new ArrayList<>();
    for (String fileName : fileNames()) {
      String resource = "witnesses/" + fileName;
      String name = "witnesses/" + fileName.substring(0, fileName.length() - ".json".length());
      witnesses.add(loader.load(resource, "test:" + resource, name, read(resource)));
    }
    return List.copyOf(witnesses);
  }

  /** The file names every index on the classpath lists. */
  static List<String> fileNames() {
    List<String> names = new ArrayList<>();
    for (URL index : resources(INDEX)) {
      names.addAll(Catalog.indexLines(read(index)));
    }
    return List.copyOf(names);
  }

  private static String read(String resource) {
    List<URL> found = resources(resource);
    if (found.size() != 1) {
      throw new IllegalStateException(
          found.size() + " copies of " + resource + " on the classpath: " + found);
    }
    return read(found.getFirst());
  }

  private static List<URL> resources(String resource) {
    try {
      return Collections.list(Witnesses.class.getClassLoader().getResources(resource));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(URL url) {
    try (InputStream in = url.openStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + url, e);
    }
  }
}
