package faultline.visualizer.paint;

import java.util.ArrayList;
import java.util.List;

/**
 * A picture's caption, under its title line, broken into lines that fit the picture's width. The
 * width of a character is estimated (0.55 em, a little over the average of a sans-serif font), so
 * SVG and PNG break at the same words without measuring text.
 */
public final class CaptionLines {
  /** The caption's size relative to the picture's font. */
  public static final double SCALE = 1.2;

  private CaptionLines() {}

  /** The lines after the first of {@code title}, each broken to fit {@code widthPx}. */
  public static List<String> of(String title, double widthPx, double fontSize) {
    int newline = title.indexOf('\n');
    if (newline < 0) {
      return List.of();
    }
    int perLine = Math.max(20, (int) (widthPx / (fontSize * SCALE * 0.55)));
    List<String> lines = new ArrayList<>();
    for (String paragraph : title.substring(newline + 1).split("\n")) {
      StringBuilder line = new StringBuilder();
      for (String word : paragraph.split(" ")) {
        if (!line.isEmpty() && line.length() + 1 + word.length() > perLine) {
          lines.add(line.toString());
          line.setLength(0);
        }
        line.append(line.isEmpty() ? "" : " ").append(word);
      }
      lines.add(line.toString());
    }
    return lines;
  }

  /** The height the caption takes. */
  public static double heightPx(String title, double widthPx, double fontSize) {
    return of(title, widthPx, fontSize).size() * fontSize * SCALE * 1.3;
  }

  /** The first line of the title. */
  public static String firstLine(String title) {
    int newline = title.indexOf('\n');
    return newline < 0 ? title : title.substring(0, newline);
  }
}
