package faultline.engine.testing;

import faultline.engine.node.TimerTag;

/** The timer of the scripted test nodes, named by a string; equal names are the same timer. */
public record Tag(String name) implements TimerTag {
  @Override
  public String toString() {
    return name;
  }
}
