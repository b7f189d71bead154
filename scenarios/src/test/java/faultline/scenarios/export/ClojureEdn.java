package faultline.scenarios.export;

import clojure.java.api.Clojure;
import clojure.lang.IFn;

/** Clojure's own EDN reader, {@code clojure.edn/read-string}: the reader Knossos and Elle use. */
final class ClojureEdn {
  private static final IFn READ_STRING = load();

  private ClojureEdn() {}

  /** The value the text holds; throws what Clojure throws when it is not EDN. */
  static Object read(String text) {
    return READ_STRING.invoke(text);
  }

  private static IFn load() {
    Clojure.var("clojure.core", "require").invoke(Clojure.read("clojure.edn"));
    return Clojure.var("clojure.edn", "read-string");
  }
}
