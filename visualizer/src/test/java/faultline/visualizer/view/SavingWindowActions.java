package faultline.visualizer.view;

import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * Window actions for a window under test that opens nothing and saves where the test says, as if
 * the user had chosen that file; a null path is a cancelled save.
 */
final class SavingWindowActions implements WindowActions {
  private final Supplier<Path> nextSave;

  SavingWindowActions(Supplier<Path> nextSave) {
    this.nextSave = nextSave;
  }

  @Override
  public void open() {}

  @Override
  public Path chooseSave(String description, String extension) {
    return nextSave.get();
  }
}
