package faultline.exercises.handout;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds the exercises module of a handout as its pom would (sources compiled, resources copied to
 * the same places), and runs {@code ./faultline} on it in a class loader that sees the handout's
 * classes instead of this module's reference ones: so the grader really runs the stubbed code.
 */
final class HandoutBuild {
  private final Path handout;
  private final Path classes;

  HandoutBuild(Path handout, Path classes) {
    this.handout = handout;
    this.classes = classes;
  }

  /** Compiles the handout's exercises sources; returns javac's diagnostics (empty when clean). */
  String compile() throws IOException {
    Path sources = handout.resolve("exercises/src/main/java");
    List<String> files;
    try (Stream<Path> walk = Files.walk(sources)) {
      files = walk.filter(path -> path.toString().endsWith(".java")).map(Path::toString).toList();
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    StringWriter diagnostics = new StringWriter();
    List<String> arguments = new ArrayList<>();
    arguments.addAll(
        List.of("-d", classes.toString(), "-classpath", dependencyClasspath(), "--release", "25"));
    arguments.addAll(files);
    int code =
        javac.run(
            null,
            new java.io.PrintStream(java.io.OutputStream.nullOutputStream()),
            new java.io.PrintStream(new WriterStream(diagnostics)),
            arguments.toArray(String[]::new));
    copyResources();
    return code == 0 ? "" : diagnostics.toString();
  }

  /** Runs {@code ./faultline args...} against the handout's classes; returns exit code and out. */
  Run faultline(String... args) throws Exception {
    List<URL> urls = new ArrayList<>();
    urls.add(classes.toUri().toURL());
    for (String entry : dependencyClasspath().split(java.io.File.pathSeparator)) {
      urls.add(Path.of(entry).toUri().toURL());
    }
    ClassLoader previous = Thread.currentThread().getContextClassLoader();
    try (URLClassLoader loader =
        new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
      Thread.currentThread().setContextClassLoader(loader);
      Class<?> main = loader.loadClass("faultline.scenarios.cli.Main");
      Method execute =
          main.getMethod("execute", PrintWriter.class, PrintWriter.class, String[].class);
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      int code =
          (int) execute.invoke(null, new PrintWriter(out), new PrintWriter(err), (Object) args);
      return new Run(code, out.toString(), err.toString());
    } finally {
      Thread.currentThread().setContextClassLoader(previous);
    }
  }

  record Run(int exitCode, String out, String err) {}

  /** This test's classpath without this module's own classes (the reference solutions). */
  private static String dependencyClasspath() {
    List<String> kept = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
      Path path = Path.of(entry).toAbsolutePath().normalize();
      boolean ownClasses =
          path.endsWith(Path.of("exercises/target/classes"))
              || path.endsWith(Path.of("exercises/target/test-classes"));
      if (!ownClasses) {
        kept.add(entry);
      }
    }
    assertThat(kept).isNotEmpty();
    return String.join(java.io.File.pathSeparator, kept);
  }

  /** The three resource folders of exercises/pom.xml, copied where the pom puts them. */
  private void copyResources() throws IOException {
    Path module = handout.resolve("exercises");
    copyTree(module.resolve("src/main/resources"), classes, path -> true);
    copyTree(
        module.resolve("scenarios"), classes.resolve("faultline/exercises/scenarios"), p -> true);
    copyTree(
        module.resolve("src/main/java"),
        classes,
        path -> path.getFileName().toString().equals("README.md"));
  }

  private static void copyTree(Path from, Path to, java.util.function.Predicate<Path> keep)
      throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path file : walk.filter(Files::isRegularFile).filter(keep).toList()) {
        Path target = to.resolve(from.relativize(file).toString());
        Files.createDirectories(target.getParent());
        Files.copy(file, target);
      }
    }
  }

  /** An OutputStream onto a Writer, for javac's diagnostics. */
  private static final class WriterStream extends java.io.OutputStream {
    private final StringWriter writer;

    WriterStream(StringWriter writer) {
      this.writer = writer;
    }

    @Override
    public void write(int b) {
      writer.write(b);
    }
  }
}
