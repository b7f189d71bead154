package faultline.visualizer.view;

import java.nio.file.Path;

/** Window actions for a window under test that opens nothing and whose every save is cancelled. */
final class NoWindowActions implements WindowActions {
  @Override
  public void open() {}

  @Override
  public Path chooseSave(String description, String extension) {
    return null;
  }
}
