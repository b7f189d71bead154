package faultline.protocols.heartbeat;

import faultline.engine.node.Node;
import faultline.engine.node.NodeContext;
import faultline.engine.node.NodeId;
import faultline.protocols.membership.MemberStatus;
import faultline.protocols.membership.MembershipNode;
import faultline.protocols.membership.ViewChange;
import java.util.ArrayList;
import java.util.List;

/**
 * A member of an all-to-all heartbeat group: every interval it sends a heartbeat to every other
 * member, and every check it judges each other member by the heartbeats it has had from it, on its
 * own (there is no gossip: each member's view is its own). A member held faulty whose heartbeats
 * come again is held alive again. The load is n - 1 messages per member per interval, the cost SWIM
 * was designed to avoid (Das, Gupta and Motivala, DSN 2002, §1); detection is as fast as the
 * timeout, and every member detects a crash by itself.
 */
public final class HeartbeatNode implements Node<HeartbeatMessage, HeartbeatTimer>, MembershipNode {
  static final String RESTARTS = "heartbeat.restarts";

  private final HeartbeatConfig config;
  private final List<ViewChange> changes = new ArrayList<>();
  private NodeContext<HeartbeatMessage, HeartbeatTimer> context;
  private int self;
  private long incarnation;
  private long seq;
  private MemberStatus[] status;
  private long[] incarnations;
  private long[] lastHeardNanos;
  private ArrivalWindow[] windows;

  public HeartbeatNode(HeartbeatConfig config) {
    this.config = config;
  }

  @Override
  public void onStart(NodeContext<HeartbeatMessage, HeartbeatTimer> context) {
    begin(context);
    int n = config.members().size();
    self = config.members().positionOf(context.self());
    incarnation = context.storage().get(RESTARTS, Long.class).map(r -> r + 1).orElse(0L);
    context.storage().put(RESTARTS, incarnation);
    context.storage().sync();
    status = new MemberStatus[n];
    incarnations = new long[n];
    lastHeardNanos = new long[n];
    windows = new ArrivalWindow[n];
    long now = context.monotonicNanos();
    for (int member = 0; member < n; member++) {
      status[member] = MemberStatus.ALIVE;
      lastHeardNanos[member] = now;
      if (config.detector() == Detector.PHI_ACCRUAL) {
        windows[member] =
            new ArrivalWindow(
                config.phiWindow(), config.phiMinStdDevNanos(), config.intervalNanos(), now);
      }
    }
    incarnations[self] = incarnation;
    long first =
        config.staggerStart()
            ? 1 + context.random().nextLong(config.intervalNanos())
            : config.intervalNanos();
    context.setTimer(HeartbeatTimer.SEND, first);
    context.setTimer(HeartbeatTimer.CHECK, config.checkNanos());
    this.context = null;
  }

  @Override
  public void onMessage(
      NodeContext<HeartbeatMessage, HeartbeatTimer> context,
      NodeId from,
      HeartbeatMessage message) {
    begin(context);
    int member = config.members().positionOf(from);
    if (member >= 0 && member != self && message.incarnation() >= incarnations[member]) {
      long now = context.monotonicNanos();
      if (message.incarnation() > incarnations[member] && windows[member] != null) {
        windows[member] = // A restarted sender's old rhythm says nothing about the new one.
            new ArrivalWindow(
                config.phiWindow(), config.phiMinStdDevNanos(), config.intervalNanos(), now);
      } else if (windows[member] != null) {
        windows[member].heartbeat(now);
      }
      lastHeardNanos[member] = now;
      if (status[member] != MemberStatus.ALIVE || message.incarnation() > incarnations[member]) {
        change(member, MemberStatus.ALIVE, message.incarnation(), from);
      }
    }
    end();
  }

  @Override
  public void onTimer(NodeContext<HeartbeatMessage, HeartbeatTimer> context, HeartbeatTimer timer) {
    begin(context);
    switch (timer) {
      case SEND -> sendHeartbeats();
      case CHECK -> judge();
    }
    end();
  }

  private void sendHeartbeats() {
    seq++;
    HeartbeatMessage heartbeat = new HeartbeatMessage(seq, incarnation);
    for (int member = 0; member < status.length; member++) {
      if (member != self) {
        context.send(config.members().id(member), heartbeat);
      }
    }
    context.count("membership.messagesSent", status.length - 1);
    context.count("membership.bytesSent", (status.length - 1) * HeartbeatMessage.WIRE_BYTES);
    context.setTimer(HeartbeatTimer.SEND, config.intervalNanos());
  }

  private void judge() {
    long now = context.monotonicNanos();
    for (int member = 0; member < status.length; member++) {
      if (member != self && status[member] == MemberStatus.ALIVE && silentTooLong(member, now)) {
        change(member, MemberStatus.FAULTY, incarnations[member], context.self());
      }
    }
    context.setTimer(HeartbeatTimer.CHECK, config.checkNanos());
  }

  private boolean silentTooLong(int member, long nowNanos) {
    return switch (config.detector()) {
      case FIXED_TIMEOUT -> nowNanos - lastHeardNanos[member] >= config.timeoutNanos();
      case PHI_ACCRUAL -> windows[member].phi(nowNanos) >= config.phiThreshold();
    };
  }

  private void change(int member, MemberStatus after, long newIncarnation, NodeId source) {
    changes.add(
        new ViewChange(
            config.members().id(member),
            status[member],
            incarnations[member],
            after,
            newIncarnation,
            source));
    status[member] = after;
    incarnations[member] = newIncarnation;
  }

  private void begin(NodeContext<HeartbeatMessage, HeartbeatTimer> context) {
    this.context = context;
    changes.clear();
  }

  private void end() {
    for (ViewChange change : changes) {
      context.record("member", change.traceRecord());
    }
    context = null;
  }

  @Override
  public MemberStatus statusOf(NodeId member) {
    int position = config.members().positionOf(member);
    return position < 0 || status == null ? MemberStatus.UNKNOWN : status[position];
  }

  @Override
  public long incarnationOf(NodeId member) {
    int position = config.members().positionOf(member);
    return position < 0 || incarnations == null ? 0 : incarnations[position];
  }

  @Override
  public List<ViewChange> lastChanges() {
    return changes;
  }

  @Override
  public boolean isMember() {
    return status != null;
  }
}
