package faultline.protocols.register;

import faultline.engine.node.TimerTag;

/** Timers of the register: when the next scripted or random write is due. */
public sealed interface RegisterTimer extends TimerTag {
  /** Scripted write number {@code index} of the configuration is due. */
  record ScriptedWriteDue(int index) implements RegisterTimer {}

  /** This node's next random write is due. */
  record RandomWriteDue() implements RegisterTimer {}
}
