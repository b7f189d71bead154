package faultline.visualizer.paint;

/** Label helpers shared by painters. */
final class StretchLabels {
  private StretchLabels() {}

  static String cut(String text, int limit) {
    return text.length() <= limit ? text : text.substring(0, limit - 1) + "…";
  }
}
