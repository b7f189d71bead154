package faultline.scenarios.catalog;

import java.util.List;
import java.util.Optional;

/**
 * Scenarios bundled by a module built on top of this one, such as the exercises' files, so that
 * {@code list}, {@code run} and {@code describe} know them by name like the core catalog's.
 * Implementations are found with {@link java.util.ServiceLoader} (list them in {@code
 * META-INF/services/faultline.scenarios.catalog.CatalogSource}); their names must not collide with
 * the core catalog's or each other's, which {@link Catalog} checks.
 */
public interface CatalogSource {
  /**
   * Every scenario name this source bundles, like {@code exercises/e01-steady}, in listing order.
   */
  List<String> names();

  /** The text of the scenario file with this name, or empty when this source does not bundle it. */
  Optional<String> read(String name);
}
