package faultline.exercises.course;

import faultline.exercises.Exercise;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles a student's files against the grader's own classes (the simulator and the rest of the
 * exercise), into a folder that goes first on the grading JVM's class path, so that the student's
 * classes replace the reference ones of the same name and nothing else changes.
 */
final class SubmissionCompiler {
  private static final int ERRORS_SHOWN_MAX = 5;

  private SubmissionCompiler() {}

  static void compile(Exercise exercise, List<Path> sources, Path classes, String classPath)
      throws SubmissionProblem, IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    if (javac == null) {
      throw new IllegalStateException(
          "grading submissions needs a JDK (javac), and this Java runtime has none");
    }
    Files.createDirectories(classes);
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    boolean compiled;
    try (StandardJavaFileManager files =
        javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      List<String> options =
          List.of(
              "-d",
              classes.toString(),
              "-classpath",
              classPath,
              "--release",
              "25",
              "-encoding",
              "UTF-8",
              "-proc:none",
              "-implicit:none",
              "-nowarn");
      compiled =
          javac
              .getTask(
                  null,
                  files,
                  diagnostics,
                  options,
                  null,
                  files.getJavaFileObjectsFromPaths(sources))
              .call();
    }
    if (!compiled) {
      throw new SubmissionProblem("does not compile: " + errors(diagnostics));
    }
    for (Class<?> student : exercise.studentClasses()) {
      String classFile = exercise.folder() + "/" + student.getSimpleName() + ".class";
      if (!Files.isRegularFile(classes.resolve(classFile))) {
        throw new SubmissionProblem(
            student.getSimpleName()
                + ".java does not declare "
                + student.getName()
                + " (is its package line changed?)");
      }
    }
  }

  private static String errors(DiagnosticCollector<JavaFileObject> diagnostics) {
    List<String> errors = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> diagnostic : diagnostics.getDiagnostics()) {
      if (diagnostic.getKind() != Diagnostic.Kind.ERROR) {
        continue;
      }
      String file =
          diagnostic.getSource() == null
              ? ""
              : Path.of(diagnostic.getSource().toUri()).getFileName()
                  + ":"
                  + diagnostic.getLineNumber()
                  + ": ";
      errors.add(file + diagnostic.getMessage(Locale.ROOT).lines().findFirst().orElse(""));
    }
    int shown = Math.min(errors.size(), ERRORS_SHOWN_MAX);
    String text = String.join("; ", errors.subList(0, shown));
    return errors.size() > shown ? text + "; and " + (errors.size() - shown) + " more" : text;
  }
}
