package faultline.protocols.membership;

import faultline.engine.check.Invariant;
import faultline.engine.check.InvariantContext;
import faultline.engine.check.Step;
import faultline.engine.net.DropReason;
import faultline.engine.node.NodeId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A hand-made group for the ground-truth checks: members whose beliefs a test sets directly, and
 * the truth (who is up, paused, when messages were dropped) that the engine would know. A test
 * moves the clock, changes a member's beliefs, and shows the check that member's step ({@link
 * #step}) or a fault ({@link #fault}); failures, counts and notes are recorded, not acted on.
 */
final class FakeGroup implements InvariantContext {
  /**
   * One member's beliefs, set by the test; its last step's changes as a detector would log them.
   */
  static final class Member implements MembershipNode {
    final NodeId self;
    final Map<NodeId, MemberStatus> statuses = new TreeMap<>();
    final Map<NodeId, Long> incarnations = new TreeMap<>();
    final List<ViewChange> changes = new ArrayList<>();
    boolean member = true;

    Member(NodeId self) {
      this.self = self;
    }

    /** Changes this member's belief about {@code about}, logging it as caused by {@code source}. */
    void believe(NodeId about, MemberStatus status, long incarnation, NodeId source) {
      changes.add(
          new ViewChange(
              about,
              statusOf(about),
              incarnationOf(about),
              status,
              incarnation,
              source == null ? self : source));
      statuses.put(about, status);
      incarnations.put(about, incarnation);
    }

    @Override
    public MemberStatus statusOf(NodeId member) {
      return statuses.getOrDefault(member, MemberStatus.UNKNOWN);
    }

    @Override
    public long incarnationOf(NodeId member) {
      return incarnations.getOrDefault(member, 0L);
    }

    @Override
    public List<ViewChange> lastChanges() {
      return changes;
    }

    @Override
    public boolean isMember() {
      return member;
    }
  }

  final MemberIndex index;
  final Map<NodeId, Member> members = new TreeMap<>();
  final Map<NodeId, Boolean> up = new TreeMap<>();
  final Map<NodeId, Long> pausedSince = new TreeMap<>();
  final Map<NodeId, Long> lastPaused = new TreeMap<>();
  final Map<NodeId, Map<DropReason, Long>> drops = new TreeMap<>();
  final List<String> failures = new ArrayList<>();
  final List<String> notes = new ArrayList<>();
  final Map<String, Long> metrics = new TreeMap<>();
  private final List<Invariant> checks = new ArrayList<>();
  private NodeId stepped;
  long nowNanos;

  /** A group of {@code n} members n1..n{n}, all up, each believing every other alive at 0. */
  FakeGroup(int n) {
    List<NodeId> ids = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      ids.add(id(i));
    }
    index = MemberIndex.of(ids);
    for (NodeId viewer : ids) {
      Member member = new Member(viewer);
      for (NodeId other : ids) {
        member.statuses.put(other, MemberStatus.ALIVE);
      }
      members.put(viewer, member);
      up.put(viewer, true);
    }
  }

  static NodeId id(int i) {
    return NodeId.of("n" + i);
  }

  Member member(int i) {
    return members.get(id(i));
  }

  /** Adds the checks to drive, made for this group, then shows them every member's boot at 0. */
  FakeGroup checking(Function<MemberIndex, List<Invariant>> make) {
    checks.addAll(make.apply(index));
    for (NodeId member : members.keySet()) {
      step(member);
    }
    return this;
  }

  FakeGroup at(long nanos) {
    nowNanos = nanos;
    return this;
  }

  /** Shows the checks a step of {@code node}, then forgets the changes it logged. */
  void step(NodeId node) {
    stepped = node;
    checks.forEach(check -> check.afterEvent(this));
    members.get(node).changes.clear();
    stepped = null;
  }

  void step(int i) {
    step(id(i));
  }

  /** Shows the checks an event without a step: a crash, a pause, a partition. */
  void fault() {
    stepped = null;
    checks.forEach(check -> check.afterEvent(this));
  }

  void crash(int i) {
    up.put(id(i), false);
    fault();
  }

  void end() {
    checks.forEach(check -> check.atEnd(this));
  }

  void drop(int i, DropReason reason) {
    drops.computeIfAbsent(id(i), unused -> new EnumMap<>(DropReason.class)).put(reason, nowNanos);
  }

  long metric(String name) {
    return metrics.getOrDefault(name, 0L);
  }

  @Override
  public long nowNanos() {
    return nowNanos;
  }

  @Override
  public Optional<Step> lastStep() {
    return stepped == null
        ? Optional.empty()
        : Optional.of(Step.of(stepped, Step.Kind.MESSAGE, null, null, null, null));
  }

  @Override
  public List<NodeId> nodes() {
    return List.copyOf(members.keySet());
  }

  @Override
  public <N> Optional<N> node(NodeId id, Class<N> type) {
    Member node = isUp(id) ? members.get(id) : null;
    return type.isInstance(node) ? Optional.of(type.cast(node)) : Optional.empty();
  }

  @Override
  public boolean isUp(NodeId id) {
    return up.getOrDefault(id, false);
  }

  @Override
  public boolean isPaused(NodeId id) {
    return pausedSince.containsKey(id);
  }

  @Override
  public long lastPausedNanos(NodeId id) {
    return isPaused(id) ? nowNanos : lastPaused.getOrDefault(id, Long.MIN_VALUE);
  }

  @Override
  public long lastDropNanos(NodeId id, DropReason reason) {
    return drops.getOrDefault(id, Map.of()).getOrDefault(reason, Long.MIN_VALUE);
  }

  @Override
  public void note(NodeId node, String text) {
    notes.add(text);
  }

  @Override
  public long wallClockNanos(NodeId id) {
    return nowNanos;
  }

  @Override
  public long monotonicNanos(NodeId id) {
    return nowNanos;
  }

  @Override
  public void fail(NodeId node, String message) {
    failures.add(message);
  }

  @Override
  public void undecided(String message) {
    throw new AssertionError("membership checks never leave anything undecided: " + message);
  }

  @Override
  public void count(String name, long delta) {
    metrics.merge(name, delta, Long::sum);
  }

  @Override
  public void recordMax(String name, long value) {
    metrics.merge(name, value, Math::max);
  }
}
