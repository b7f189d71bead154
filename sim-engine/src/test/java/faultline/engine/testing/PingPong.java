package faultline.engine.testing;

import faultline.engine.node.Message;
import faultline.engine.node.Node;
import faultline.engine.node.NodeContext;
import faultline.engine.node.NodeId;
import faultline.engine.node.TimerTag;

/**
 * Ping-pong between two nodes: the pinger sends {@code Ping(1)}, the other node answers each {@code
 * Ping(k)} with {@code Pong(k)}, and the pinger sends {@code Ping(k + 1)} on each pong until {@code
 * rounds} pongs came back. A retry timer resends the outstanding ping, so the protocol also
 * finishes on a lossy network. Volatile state only.
 */
public final class PingPong implements Node<PingPong.PingPongMessage, PingPong.PingPongTimer> {
  /** The messages of the protocol. */
  public sealed interface PingPongMessage extends Message {}

  public record Ping(int round) implements PingPongMessage {}

  public record Pong(int round) implements PingPongMessage {}

  /** The one timer: resend the ping that is still unanswered. */
  public enum PingPongTimer implements TimerTag {
    RETRY_DUE
  }

  private static final long RETRY_NANOS = 50_000_000;

  private final NodeId peer;
  private final boolean pinger;
  private final int rounds;
  private int pongsReceived;

  public PingPong(NodeId peer, boolean pinger, int rounds) {
    this.peer = peer;
    this.pinger = pinger;
    this.rounds = rounds;
  }

  public int pongsReceived() {
    return pongsReceived;
  }

  @Override
  public void onStart(NodeContext<PingPongMessage, PingPongTimer> context) {
    if (!pinger) {
      return; // The ponger only answers.
    }
    sendPing(context);
  }

  @Override
  public void onMessage(
      NodeContext<PingPongMessage, PingPongTimer> context, NodeId from, PingPongMessage message) {
    switch (message) {
      case Ping ping -> context.send(from, new Pong(ping.round()));
      case Pong pong -> onPong(context, pong);
    }
  }

  private void onPong(NodeContext<PingPongMessage, PingPongTimer> context, Pong pong) {
    if (pong.round() != pongsReceived + 1) {
      return; // A duplicate or an answer to a resent ping we already counted.
    }
    pongsReceived++;
    context.recordState(new Progress(pongsReceived));
    if (pongsReceived == rounds) {
      context.cancelTimer(PingPongTimer.RETRY_DUE);
      return;
    }
    sendPing(context);
  }

  @Override
  public void onTimer(NodeContext<PingPongMessage, PingPongTimer> context, PingPongTimer timer) {
    context.note("resending ping " + (pongsReceived + 1));
    sendPing(context);
  }

  private void sendPing(NodeContext<PingPongMessage, PingPongTimer> context) {
    context.send(peer, new Ping(pongsReceived + 1));
    context.setTimer(PingPongTimer.RETRY_DUE, RETRY_NANOS);
  }

  /** The pinger's progress, as its {@code state} trace events show it. */
  public record Progress(int pongs) {}
}
