package faultline.protocols.kv;

import faultline.engine.node.TimerTag;

/** The timers of a {@link ClientNode}, named for the deadline they mark. */
public sealed interface ClientTimer extends TimerTag {
  /** A client process's next step is due: a new operation, a retry, or giving up. */
  record ProcessDue(int slot) implements ClientTimer {
    // The first slots' timers and names, made once: every client step sets one, and the trace
    // names every timer that fires by its toString.
    private static final ProcessDue[] FIRST = new ProcessDue[64];
    private static final String[] NAMES = new String[FIRST.length];

    static {
      for (int i = 0; i < FIRST.length; i++) {
        FIRST[i] = new ProcessDue(i);
        NAMES[i] = "ProcessDue[slot=" + i + "]";
      }
    }

    /** The timer of {@code slot}; equal to {@code new ProcessDue(slot)}. */
    static ProcessDue of(int slot) {
      return slot >= 0 && slot < FIRST.length ? FIRST[slot] : new ProcessDue(slot);
    }

    /** As a record spells it, {@code ProcessDue[slot=3]}. */
    @Override
    public String toString() {
      return slot >= 0 && slot < NAMES.length ? NAMES[slot] : "ProcessDue[slot=" + slot + "]";
    }
  }

  /** Scripted client operation number {@code index} is due. */
  record ScriptedOpDue(int index) implements ClientTimer {}
}
