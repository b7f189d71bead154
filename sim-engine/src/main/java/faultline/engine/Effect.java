package faultline.engine;

import faultline.engine.check.Sent;
import faultline.engine.node.Message;
import faultline.engine.node.NodeId;
import faultline.engine.node.TimerTag;

/** What a handler asked for; applied by the engine in issue order after the handler returns. */
sealed interface Effect {
  /**
   * A message to send, held as the {@link Sent} invariants see it, so that listing a step's sends
   * for them makes nothing new.
   */
  record Send(Sent sent) implements Effect {
    Send(NodeId to, Message message) {
      this(new Sent(to, message));
    }

    NodeId to() {
      return sent.to();
    }

    Message message() {
      return sent.message();
    }
  }

  record SetTimer(TimerTag tag, long delayNanos) implements Effect {}

  record CancelTimer(TimerTag tag) implements Effect {}

  record RecordState(Object state) implements Effect {}

  record Record(String type, Object fields) implements Effect {}

  record Note(String text) implements Effect {}
}
