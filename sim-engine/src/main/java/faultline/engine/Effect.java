package faultline.engine;

import faultline.engine.node.Message;
import faultline.engine.node.NodeId;
import faultline.engine.node.TimerTag;

/** What a handler asked for; applied by the engine in issue order after the handler returns. */
sealed interface Effect {
  record Send(NodeId to, Message message) implements Effect {}

  record SetTimer(TimerTag tag, long delayNanos) implements Effect {}

  record CancelTimer(TimerTag tag) implements Effect {}

  record RecordState(Object state) implements Effect {}

  record Record(String type, Object fields) implements Effect {}

  record Note(String text) implements Effect {}
}
