package faultline.protocols.kv;

import faultline.engine.node.TimerTag;

/** The timers of a {@link ClientNode}, named for the deadline they mark. */
public sealed interface ClientTimer extends TimerTag {
  /** A client process's next step is due: a new operation, a retry, or giving up. */
  record ProcessDue(int slot) implements ClientTimer {}

  /** Scripted client operation number {@code index} is due. */
  record ScriptedOpDue(int index) implements ClientTimer {}
}
