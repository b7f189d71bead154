package faultline.engine.trace;

import faultline.engine.trace.CanonicalValues.Shape;

/**
 * One encoder's codes of record shapes' component names (see {@link CanonicalEncoder#name(int[],
 * int, String)}), an array per shape indexed by component: an open-addressing table keyed by the
 * {@link Shape} object itself, probed from the hash the shape computed once from its class's name.
 * A name's code depends on the run, so each encoder keeps its own; and since the table belongs to
 * the encoder, the runs of a sweep in parallel share nothing here (shapes used to be numbered by a
 * JVM-wide counter, for an array indexed by that number, which every run's encoder shared).
 *
 * <p>A run meets a few dozen shapes, and one shape's lookup is a probe that nearly always finds it
 * in its first slot (the table is at most half full): a hash's load and one comparison more than
 * the array index it replaces.
 */
final class ComponentCodeTable {
  private static final int FIRST_CAPACITY = 64;

  private Shape[] shapes = new Shape[FIRST_CAPACITY];
  private int[][] codes = new int[FIRST_CAPACITY][];
  private int held;

  /**
   * The codes of {@code shape}'s component names, one per component, 0 while a name has no code;
   * the same array every time for the same shape, for its holder to fill.
   */
  int[] codesOf(Shape shape) {
    Shape[] keys = shapes;
    int mask = keys.length - 1;
    int slot = shape.hash() & mask;
    while (true) {
      Shape key = keys[slot];
      if (key == shape) {
        return codes[slot];
      }
      if (key == null) {
        return add(shape);
      }
      slot = (slot + 1) & mask;
    }
  }

  private int[] add(Shape shape) {
    if (2 * (held + 1) > shapes.length) {
      grow();
    }
    int[] added = new int[shape.names().length];
    place(shape, added);
    held++;
    return added;
  }

  /** Twice the slots, every shape placed again: at most half the slots are ever taken. */
  private void grow() {
    Shape[] oldShapes = shapes;
    int[][] oldCodes = codes;
    shapes = new Shape[2 * oldShapes.length];
    codes = new int[2 * oldShapes.length][];
    for (int i = 0; i < oldShapes.length; i++) {
      if (oldShapes[i] != null) {
        place(oldShapes[i], oldCodes[i]);
      }
    }
  }

  /** Puts a shape not held yet in the first free slot from its hash. */
  private void place(Shape shape, int[] shapeCodes) {
    int mask = shapes.length - 1;
    int slot = shape.hash() & mask;
    while (shapes[slot] != null) {
      slot = (slot + 1) & mask;
    }
    shapes[slot] = shape;
    codes[slot] = shapeCodes;
  }
}
