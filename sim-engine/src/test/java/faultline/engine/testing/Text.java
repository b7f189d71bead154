package faultline.engine.testing;

import faultline.engine.node.Message;

/** The message of the scripted test nodes: one line of text. */
public record Text(String text) implements Message {}
