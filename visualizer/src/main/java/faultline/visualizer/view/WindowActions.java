package faultline.visualizer.view;

import java.nio.file.Path;

/** What the window asks of the application: files to open and to write. */
public interface WindowActions {
  /** Asks for a trace or scenario to open, and opens it. */
  void open();

  /** Asks where to save a file of {@code extension} ("svg", "png", "json"); null when cancelled. */
  Path chooseSave(String description, String extension);
}
