package faultline.scenarios.cli;

import faultline.scenarios.parse.InputFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks a path given for output ({@code --trace}, {@code --history}, {@code --out}) before a run
 * spends time producing what goes there, so that every mistake is a usage error with its reason: an
 * empty path, a folder, a parent that is a file, a place that cannot be written. A missing parent
 * folder is created, and the command says so on standard error.
 */
public final class OutputPaths {
  private OutputPaths() {}

  /** Makes {@code path} ready to be written as a file; {@code option} names it in messages. */
  public static Path prepareFile(String option, Path path, PrintWriter err) {
    if (path.toString().isEmpty()) {
      throw new UserError(option + ": the path is empty; name a file");
    }
    if (Files.isDirectory(path)) {
      throw new UserError(option + ": " + path + " is a folder; name a file inside it");
    }
    Path parent = path.toAbsolutePath().getParent();
    if (parent != null && !Files.isDirectory(parent)) {
      createFolder(option, path, parent, err);
    }
    return path;
  }

  /** Makes {@code folder} ready to receive files, creating it (and saying so) when missing. */
  public static Path prepareFolder(String option, Path folder, PrintWriter err) {
    if (folder.toString().isEmpty()) {
      throw new UserError(option + ": the path is empty; name a folder");
    }
    if (Files.exists(folder) && !Files.isDirectory(folder)) {
      throw new UserError(option + ": " + folder + " is a file, not a folder");
    }
    if (!Files.isDirectory(folder)) {
      createFolder(option, folder, folder.toAbsolutePath(), err);
    }
    return folder;
  }

  /**
   * Refuses a folder that could not be created or written when the time comes, without creating it
   * now: for outputs written only sometimes, like a grader's traces of failing runs.
   */
  public static void requireWritableFolder(String option, Path folder) {
    if (folder.toString().isEmpty()) {
      throw new UserError(option + ": the path is empty; name a folder");
    }
    Path existing = folder.toAbsolutePath();
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null) {
      return;
    }
    if (!Files.isDirectory(existing)) {
      throw new UserError(
          option + ": cannot write in " + folder + ": " + existing + " is a file, not a folder");
    }
    if (!Files.isWritable(existing)) {
      throw new UserError(option + ": cannot write in " + folder + ": permission denied");
    }
  }

  /** Refuses two outputs that name one file: both would write it, and the result is neither. */
  public static void requireDistinct(String optionA, Path a, String optionB, Path b) {
    if (a == null || b == null) {
      return;
    }
    boolean same = a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    try {
      same = same || Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
    } catch (IOException e) {
      // Whether they are one file cannot be told; opening them will say what is wrong.
    }
    if (same) {
      throw new UserError(
          optionA + " and " + optionB + " both name " + a + "; give each its own file");
    }
  }

  /** The usage error for an output that could not be opened or written. */
  public static UserError cannotWrite(String option, Path path, IOException e) {
    return new UserError(option + ": cannot write " + path + ": " + InputFiles.reason(e));
  }

  private static void createFolder(String option, Path given, Path folder, PrintWriter err) {
    for (Path above = folder; above != null; above = above.getParent()) {
      if (Files.exists(above) && !Files.isDirectory(above)) {
        throw new UserError(
            option + ": cannot write " + given + ": " + above + " is a file, not a folder");
      }
    }
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw new UserError(
          option + ": cannot create the folder for " + given + ": " + InputFiles.reason(e));
    }
    err.println("faultline: " + option + ": created the folder " + folder);
    err.flush();
  }
}
