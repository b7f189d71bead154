package faultline.visualizer.viewmodel;

import java.util.List;

/** Narration step numbers as a status line says them. */
public final class StepNumbers {
  private StepNumbers() {}

  /** {@code step 3}, {@code steps 2 and 5}, {@code steps 2, 4 and 5}; empty for none. */
  public static String phrase(List<Integer> numbers) {
    if (numbers.isEmpty()) {
      return "";
    }
    List<String> words = numbers.stream().map(String::valueOf).toList();
    if (words.size() == 1) {
      return "step " + words.getFirst();
    }
    return "steps "
        + String.join(", ", words.subList(0, words.size() - 1))
        + " and "
        + words.getLast();
  }
}
