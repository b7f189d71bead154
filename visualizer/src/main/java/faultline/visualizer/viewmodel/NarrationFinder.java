package faultline.visualizer.viewmodel;

import faultline.scenarios.narration.NarrationResolver.Resolution;
import java.util.List;

/**
 * Finds a scenario's narration in a run of it: each step's moment in the run's trace lines, and a
 * sentence for each step the run lacks. The window keeps one per opened scenario, so that a what-if
 * re-run (whose trace header leaves the narration out) can look for the same steps in the new run.
 * Finding reads the scenario, which only the app package may load; the view model just asks.
 */
@FunctionalInterface
public interface NarrationFinder {
  /** For a run without narration (a trace file, a scenario without one). */
  NarrationFinder NONE = (lines, seed) -> new Resolution(List.of(), List.of());

  /**
   * The steps found in {@code lines} (header first) and a line for each step that finds nothing;
   * never an error, since a re-run or another seed may well lack a moment.
   */
  Resolution find(List<String> lines, long seed);
}
