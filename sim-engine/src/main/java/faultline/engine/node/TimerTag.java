package faultline.engine.node;

/**
 * Names a timer of a node: an enum constant or a small record. Setting a tag that is already armed
 * re-arms it, and the old deadline is forgotten.
 */
public interface TimerTag {}
