package faultline.protocols.paxos.multi;

import com.fasterxml.jackson.annotation.JsonValue;
import faultline.protocols.kv.ClientCommand;

/**
 * What a slot of the replicated log holds once chosen: a client's command, or a no-op that a new
 * leader proposes to fill a gap it found while recovering (Paxos Made Simple §3: "it proposes a
 * special no-op command that leaves the state unchanged"). Values are compared by equality, so two
 * no-ops are the same value.
 */
public sealed interface SlotValue permits SlotValue.Noop, SlotValue.Command {
  /** The no-op. */
  SlotValue NOOP = new Noop();

  /** A client's command, with the session that keeps a retried one from applying twice. */
  static SlotValue of(ClientCommand command) {
    return new Command(command);
  }

  /** {@code no-op}, or {@code p3#7 put x "a"}: how traces and messages show the value. */
  String describe();

  /** Fills a gap; applying it changes nothing. */
  record Noop() implements SlotValue {
    @JsonValue
    @Override
    public String describe() {
      return "no-op";
    }

    @Override
    public String toString() {
      return describe();
    }
  }

  /** A client's command. */
  record Command(ClientCommand command) implements SlotValue {
    public Command {
      if (command == null) {
        throw new IllegalArgumentException("a command slot value needs a command");
      }
    }

    @JsonValue
    @Override
    public String describe() {
      return command.describe();
    }

    @Override
    public String toString() {
      return describe();
    }
  }
}
