package faultline.protocols.register;

import faultline.engine.node.Message;

/** Messages of the register: a write, broadcast by its writer to every other replica. */
public sealed interface RegisterMessage extends Message {
  record Replicate(Write write) implements RegisterMessage {}
}
