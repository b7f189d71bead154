package faultline.exercises.handout;

import java.util.List;

/**
 * Turns a reference solution into the student's edition. A solution region is marked by two line
 * comments, and the stub that replaces it follows as {@code // STUB:} lines:
 *
 * <pre>
 *   static long tick(long current) {
 *     // BEGIN SOLUTION
 *     return current + 1;
 *     // END SOLUTION
 *     // STUB: // Your code here: IR1.
 *     // STUB: return current;
 *   }
 * </pre>
 *
 * <p>In the handout the region (markers included) is gone and each stub line loses its {@code //
 * STUB: } prefix, keeping its indentation. In the repository the stub lines are plain comments, so
 * both editions compile and the formatter leaves both alone. Anything malformed (a region never
 * closed, nested, or a stub line that follows no region) is an error naming the file and line, so
 * that a slip can never leak a solution into a handout.
 */
public final class SolutionRegions {
  static final String BEGIN = "// BEGIN SOLUTION";
  static final String END = "// END SOLUTION";
  static final String STUB = "// STUB:";

  private SolutionRegions() {}

  /** True when {@code source} has at least one marker of any kind. */
  public static boolean hasMarkers(String source) {
    return source.contains(BEGIN) || source.contains(END) || source.contains(STUB);
  }

  /** The student's edition of {@code source}; {@code file} names it in errors. */
  public static String strip(String file, String source) {
    StringBuilder out = new StringBuilder();
    List<String> lines = source.lines().toList();
    int regionStart = -1;
    boolean afterRegion = false;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      String trimmed = line.strip();
      int lineNumber = i + 1;
      if (trimmed.equals(BEGIN)) {
        if (regionStart >= 0) {
          throw error(
              file, lineNumber, "BEGIN SOLUTION inside the region opened at " + regionStart);
        }
        regionStart = lineNumber;
        afterRegion = false;
      } else if (trimmed.equals(END)) {
        if (regionStart < 0) {
          throw error(file, lineNumber, "END SOLUTION without a BEGIN SOLUTION");
        }
        regionStart = -1;
        afterRegion = true;
      } else if (regionStart >= 0) {
        continue; // Solution code: left out.
      } else if (trimmed.startsWith(STUB)) {
        if (!afterRegion) {
          throw error(file, lineNumber, "a STUB line must follow END SOLUTION or another STUB");
        }
        String indent = line.substring(0, line.indexOf(STUB));
        String code = trimmed.substring(STUB.length());
        out.append(indent).append(code.startsWith(" ") ? code.substring(1) : code).append('\n');
      } else {
        if (trimmed.contains("BEGIN SOLUTION") || trimmed.contains("END SOLUTION")) {
          throw error(file, lineNumber, "a marker must be alone on its line: " + trimmed);
        }
        afterRegion = false;
        out.append(line).append('\n');
      }
    }
    if (regionStart >= 0) {
      throw error(file, regionStart, "BEGIN SOLUTION is never closed by END SOLUTION");
    }
    return out.toString();
  }

  private static HandoutException error(String file, int line, String reason) {
    return new HandoutException(file + ":" + line + ": " + reason);
  }
}
