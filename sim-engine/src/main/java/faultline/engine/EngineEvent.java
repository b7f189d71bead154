package faultline.engine;

import faultline.engine.causal.VectorStamp;
import faultline.engine.fault.Fault;
import faultline.engine.node.Message;
import faultline.engine.node.TimerTag;

/** What the event queue holds. Indices refer to the run's sorted node list. */
sealed interface EngineEvent {
  record Start(int node) implements EngineEvent {}

  record Deliver(
      int from, int to, long messageId, int copy, Message message, VectorStamp senderStamp)
      implements EngineEvent {}

  record FireTimer(int node, TimerTag tag, long generation, long dueNanos) implements EngineEvent {}

  record InjectFault(Fault fault) implements EngineEvent {}

  record Resume(int node, long pauseId) implements EngineEvent {}
}
