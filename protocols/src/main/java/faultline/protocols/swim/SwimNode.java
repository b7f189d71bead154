package faultline.protocols.swim;

import faultline.engine.Check;
import faultline.engine.node.Node;
import faultline.engine.node.NodeContext;
import faultline.engine.node.NodeId;
import faultline.protocols.membership.MemberStatus;
import faultline.protocols.membership.MembershipNode;
import faultline.protocols.membership.ViewChange;
import faultline.protocols.swim.SwimMessage.Ack;
import faultline.protocols.swim.SwimMessage.Gossip;
import faultline.protocols.swim.SwimMessage.Join;
import faultline.protocols.swim.SwimMessage.JoinReply;
import faultline.protocols.swim.SwimMessage.Nack;
import faultline.protocols.swim.SwimMessage.Ping;
import faultline.protocols.swim.SwimMessage.PingReq;
import faultline.protocols.swim.SwimTimer.RelayTimeout;
import faultline.protocols.swim.SwimTimer.Single;
import faultline.protocols.swim.SwimTimer.SuspicionTimeout;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A SWIM member (Das, Gupta and Motivala, "SWIM: Scalable Weakly-consistent Infection-style Process
 * Group Membership Protocol", DSN 2002): the randomized probing failure detector (§3.1, {@link
 * Prober}, {@link Relays}) with round-robin target selection (§4.3, {@link ProbeTargets}), the
 * suspicion subprotocol with incarnation numbers (§4.2, {@link MergeRules}, {@link Suspicions}),
 * and infection-style dissemination piggybacked on every message (§4.1, {@link BroadcastQueue}).
 * Joins go through a seed member, which answers with its whole list; a leave is announced to a few
 * members before the member goes silent; a restarted member rejoins above its old incarnation,
 * which it keeps on disk. Lifeguard's options (Dadgar et al. 2017) are in {@link Lifeguard}.
 *
 * <p>Every input is dispatched here, in one place, by lifecycle and message type; each handler ends
 * with {@link #endHandler}, which logs what changed and asserts the member's own invariants. The
 * ground-truth checks are in {@link SwimInvariants}.
 */
public final class SwimNode implements Node<SwimMessage, SwimTimer>, MembershipNode {
  private enum Lifecycle {
    /** Not in the group yet: a member that joins later, before its time. */
    OUTSIDE,
    /** Asked a seed to be let in; waits for its list. */
    JOINING,
    MEMBER,
    LEFT
  }

  private final SwimConfig config;
  private NodeContext<SwimMessage, SwimTimer> context; // Only during a handler call.
  private int self;
  private MemberTable table;
  private ProbeTargets targets;
  private BroadcastQueue queue;
  private Suspicions suspicions;
  private Awareness awareness;
  private final Prober prober = new Prober(this);
  private final Relays relays = new Relays(this);
  private Lifecycle lifecycle = Lifecycle.OUTSIDE;
  private long incarnation;
  private long seqNext = 1;
  private int joinAttempts;
  private long broadcastsDroppedReported;

  public SwimNode(SwimConfig config) {
    this.config = config;
  }

  // Dispatch: every input enters here.

  @Override
  public void onStart(NodeContext<SwimMessage, SwimTimer> context) {
    begin(context);
    try {
      boot();
    } finally {
      endHandler();
    }
  }

  @Override
  public void onMessage(
      NodeContext<SwimMessage, SwimTimer> context, NodeId from, SwimMessage message) {
    begin(context);
    try {
      switch (lifecycle) {
        case OUTSIDE, LEFT -> {} // Not a member: a process that is not (or no longer) running SWIM.
        case JOINING -> {
          if (message instanceof JoinReply reply) {
            onJoinReply(reply);
          }
        }
        case MEMBER -> {
          mergeAll(message.gossip());
          onMemberMessage(from, message);
        }
      }
    } finally {
      endHandler();
    }
  }

  private void onMemberMessage(NodeId from, SwimMessage message) {
    switch (message) {
      case Ping ping -> send(from, null, gossip -> new Ack(ping.seq(), gossip));
      case PingReq request -> relays.onPingReq(from, request);
      case Ack ack -> {
        if (!prober.onAck(ack.seq())) {
          relays.onAck(ack.seq());
        }
      }
      case Nack nack -> prober.onNack(nack.seq());
      case Join join -> onJoin(from, join);
      case Gossip gossip -> {} // Merged above.
      case JoinReply reply -> {} // Already a member: the list arrived twice.
    }
  }

  @Override
  public void onTimer(NodeContext<SwimMessage, SwimTimer> context, SwimTimer timer) {
    begin(context);
    try {
      if (lifecycle == Lifecycle.LEFT) {
        return;
      }
      switch (timer) {
        case Single.PROBE_PERIOD -> prober.onPeriod();
        case Single.PROBE_TIMEOUT -> prober.onProbeTimeout();
        case Single.JOIN_DUE, Single.JOIN_RETRY -> askSeed();
        case Single.RECONNECT_DUE -> reconnect();
        case Single.LEAVE_DUE -> leave();
        case SuspicionTimeout timeout -> onSuspicionTimeout(timeout.member());
        case RelayTimeout timeout -> relays.onTimeout(timeout.seq());
      }
    } finally {
      endHandler();
    }
  }

  private void begin(NodeContext<SwimMessage, SwimTimer> context) {
    this.context = context;
    if (table != null) {
      table.clearChanges();
    }
  }

  /**
   * Writes what changed to the trace and checks the member's own invariants (TigerBeetle-style:
   * assertions at the end of every handler, always on).
   */
  private void endHandler() {
    try {
      if (table == null) {
        return; // The boot failed before it built anything; its exception says why.
      }
      for (ViewChange change : table.changes()) {
        context.record("member", change.traceRecord());
      }
      if (queue.dropped() > broadcastsDroppedReported) {
        boundHit("swim.broadcastsDropped", "maxQueuedUpdates", config.maxQueuedUpdates());
        broadcastsDroppedReported = queue.dropped();
      }
      Check.state(
          table.status(self)
                  == (lifecycle == Lifecycle.LEFT ? MemberStatus.LEFT : MemberStatus.ALIVE)
              || lifecycle == Lifecycle.OUTSIDE,
          "%s holds itself %s while %s",
          context.self(),
          table.status(self),
          lifecycle);
      Check.state(
          table.incarnation(self) == incarnation,
          "%s's own entry is at incarnation %s, not its own %s",
          context.self(),
          table.incarnation(self),
          incarnation);
      Check.state(queue.size() <= config.maxQueuedUpdates(), "broadcast queue over its bound");
      Check.state(relays.size() <= config.maxPendingRelays(), "relays over their bound");
      Check.state(prober.target() != self, "%s is probing itself", context.self());
    } finally {
      context = null;
    }
  }

  // Lifecycle: boot, join, leave.

  private void boot() {
    self = config.members().positionOf(context.self());
    Check.state(
        self >= 0, "%s is not one of the SWIM members %s", context.self(), config.members());
    int n = config.members().size();
    table = new MemberTable(config.members());
    targets = new ProbeTargets(config.probeOrder(), self, n);
    queue = new BroadcastQueue(n, config.maxQueuedUpdates());
    suspicions = new Suspicions(n, config.lifeguard().dynamicSuspicion());
    awareness = new Awareness(config.lifeguard().awarenessMax());
    boolean restarted = context.storage().get(BOOTED, Boolean.class).isPresent();
    incarnation = config.incarnations().load(context.storage());
    if (!restarted) {
      context.storage().put(BOOTED, Boolean.TRUE);
      context.storage().sync();
    }
    table.initialize(self, new Entry(MemberStatus.ALIVE, incarnation));
    scheduleLeave();
    if (restarted) {
      // A member that comes back must announce itself above whatever the others hold for it.
      incarnation++;
      config.incarnations().store(context.storage(), incarnation);
      table.set(self, new Entry(MemberStatus.ALIVE, incarnation), context.self());
      askSeed();
    } else if (config.joinAtNanos().containsKey(context.self())) {
      long delay = config.joinAtNanos().get(context.self()) - context.monotonicNanos();
      context.setTimer(Single.JOIN_DUE, Math.max(0, delay));
    } else {
      startAsInitialMember();
    }
  }

  static final String BOOTED = "swim.booted";

  private void startAsInitialMember() {
    List<NodeId> initial = config.initialMembers();
    for (NodeId member : initial) {
      int position = config.members().positionOf(member);
      if (position != self) {
        table.initialize(position, new Entry(MemberStatus.ALIVE, 0));
        targets.add(position, context.random());
      }
    }
    context.record("members", new InitialMembers(initial, 0));
    becomeMember();
  }

  /** The trace record of the list a member starts with: these members, alive at incarnation. */
  public record InitialMembers(List<NodeId> alive, long incarnation) {}

  private void becomeMember() {
    lifecycle = Lifecycle.MEMBER;
    long firstPeriod =
        config.staggerStart()
            ? 1 + context.random().nextLong(config.periodNanos())
            : config.periodNanos();
    context.setTimer(Single.PROBE_PERIOD, firstPeriod);
    if (config.reconnectIntervalNanos() > 0) {
      context.setTimer(Single.RECONNECT_DUE, config.reconnectIntervalNanos());
    }
  }

  private void scheduleLeave() {
    Long leaveAt = config.leaveAtNanos().get(context.self());
    if (leaveAt != null && leaveAt >= context.monotonicNanos()) {
      context.setTimer(Single.LEAVE_DUE, leaveAt - context.monotonicNanos());
    }
  }

  private void askSeed() {
    lifecycle = Lifecycle.JOINING;
    List<NodeId> seeds = config.seeds().stream().filter(s -> !s.equals(context.self())).toList();
    if (seeds.isEmpty()) {
      seeds = context.peers().stream().filter(config.members()::contains).toList();
    }
    if (seeds.isEmpty()) {
      becomeMember(); // A group of one.
      return;
    }
    NodeId seed = seeds.get(joinAttempts++ % seeds.size());
    long announced = incarnation;
    send(seed, null, gossip -> new Join(announced, gossip));
    context.setTimer(Single.JOIN_RETRY, config.joinRetryNanos());
  }

  private void onJoin(NodeId from, Join join) {
    merge(Update.alive(from, join.incarnation()));
    List<Update> members = new ArrayList<>();
    for (int member = 0; member < config.members().size(); member++) {
      Entry entry = table.entry(member);
      if (entry != null) {
        members.add(announcement(member, entry, context.self()));
      }
    }
    send(from, null, gossip -> new JoinReply(members, gossip));
  }

  private void onJoinReply(JoinReply reply) {
    context.cancelTimer(Single.JOIN_RETRY);
    mergeAll(reply.members());
    mergeAll(reply.gossip());
    Update joined = Update.alive(context.self(), incarnation);
    queue.enqueue(self, joined); // The seed announces the join too; saying it twice costs little.
    becomeMember();
  }

  private void leave() {
    Update goodbye = Update.leave(context.self(), incarnation);
    for (int member : randomAliveMembers(Math.max(1, config.indirectChecks()), ProbeTargets.NONE)) {
      send(id(member), goodbye, Gossip::new);
    }
    table.set(self, new Entry(MemberStatus.LEFT, incarnation), context.self());
    lifecycle = Lifecycle.LEFT;
    context.cancelTimer(Single.PROBE_PERIOD);
    context.cancelTimer(Single.PROBE_TIMEOUT);
    context.cancelTimer(Single.RECONNECT_DUE);
  }

  /**
   * Pings one member held faulty, with its confirmation, so that a live one refutes and returns.
   */
  private void reconnect() {
    context.setTimer(Single.RECONNECT_DUE, config.reconnectIntervalNanos());
    List<Integer> faulty = new ArrayList<>();
    for (int member = 0; member < config.members().size(); member++) {
      if (table.status(member) == MemberStatus.FAULTY) {
        faulty.add(member);
      }
    }
    if (faulty.isEmpty()) {
      return;
    }
    int target = faulty.get(context.random().nextInt(faulty.size()));
    Update verdict = Update.confirm(id(target), table.incarnation(target), context.self());
    long seq = nextSeq();
    send(id(target), verdict, gossip -> new Ping(seq, gossip));
    context.count("swim.reconnects", 1);
  }

  // Merging updates (§4.2).

  private void mergeAll(List<Update> updates) {
    for (Update update : updates) {
      merge(update);
    }
  }

  /** Merges one update heard from another member, by the configured rules. */
  private void merge(Update update) {
    int member = config.members().positionOf(update.member());
    if (member < 0) {
      return; // Not a member of this group.
    }
    if (member == self) {
      long next = config.rules().ownIncarnation(incarnation, update);
      Check.state(
          next >= incarnation,
          "ownIncarnation lowered %s's incarnation from %s to %s on %s",
          context.self(),
          incarnation,
          next,
          update);
      if (next > incarnation) {
        refute(next);
      } else if (isAccusation(update) && update.incarnation() < incarnation) {
        // A verdict about a life this member has refuted already: whoever still holds it missed
        // the refutation, which has long left the queues. Say it again, on the very answer to the
        // message that carried the stale verdict (a reconnect ping, typically).
        queue.enqueue(self, Update.alive(context.self(), incarnation));
      }
      return;
    }
    Entry local = table.entry(member);
    Entry merged = config.rules().merge(local, update);
    Check.state(
        merged != null || local == null,
        "merge(%s, %s) returned null; return the entry held to ignore an update",
        local,
        update);
    if (merged == null || merged.equals(local)) {
      maybeConfirmSuspicion(member, local, update);
      return;
    }
    accept(member, local, merged, update.from());
    if (config.regossip().passesOn()) {
      queue.enqueue(member, announcement(member, merged, update.from()));
    }
  }

  private static boolean isAccusation(Update update) {
    return update.kind() == Update.Kind.SUSPECT || update.kind() == Update.Kind.CONFIRM;
  }

  /**
   * Lifeguard: another member's suspicion of one already suspected is an independent confirmation.
   */
  private void maybeConfirmSuspicion(int member, Entry local, Update update) {
    if (local == null
        || local.status() != MemberStatus.SUSPECT
        || update.kind() != Update.Kind.SUSPECT
        || update.incarnation() != local.incarnation()) {
      return;
    }
    long remaining =
        suspicions.confirm(member, local.incarnation(), update.from(), context.monotonicNanos());
    if (remaining != Suspicions.NO_CHANGE) {
      context.setTimer(new SuspicionTimeout(id(member)), Math.max(0, remaining));
      queue.enqueue(member, update); // Pass the new confirmation on, as memberlist does.
    }
  }

  /** News this member makes itself (a failed probe, a timed-out suspicion): always spread. */
  private void originate(Update update) {
    int member = config.members().positionOf(update.member());
    Entry local = table.entry(member);
    Entry merged = config.rules().merge(local, update);
    if (merged == null || merged.equals(local)) {
      return;
    }
    accept(member, local, merged, context.self());
    queue.enqueue(member, announcement(member, merged, context.self()));
  }

  private void accept(int member, Entry local, Entry merged, NodeId source) {
    table.set(member, merged, source);
    boolean wasSuspect = local != null && local.status() == MemberStatus.SUSPECT;
    if (merged.status() == MemberStatus.SUSPECT
        && (!wasSuspect || merged.incarnation() != local.incarnation())) {
      long timeout =
          suspicions.start(
              member,
              merged.incarnation(),
              source,
              context.monotonicNanos(),
              config,
              table.knownCount());
      context.setTimer(new SuspicionTimeout(id(member)), timeout);
    } else if (wasSuspect && merged.status() != MemberStatus.SUSPECT) {
      suspicions.clear(member);
      context.cancelTimer(new SuspicionTimeout(id(member)));
    }
    if (merged.status().isMember()) {
      targets.add(member, context.random());
    }
  }

  /** The update that announces {@code entry}, as {@code from} said it. */
  private Update announcement(int member, Entry entry, NodeId from) {
    Update.Kind kind = Update.Kind.announcing(entry.status());
    NodeId announcer = kind == Update.Kind.ALIVE || kind == Update.Kind.LEAVE ? id(member) : from;
    return new Update(kind, id(member), entry.incarnation(), announcer);
  }

  private void refute(long next) {
    incarnation = next;
    config.incarnations().store(context.storage(), incarnation);
    table.set(self, new Entry(MemberStatus.ALIVE, incarnation), context.self());
    queue.enqueue(self, Update.alive(context.self(), incarnation));
    context.count("swim.refutations", 1);
    adjustAwareness(1); // Lifeguard: having to refute is a sign of being slow.
  }

  // What the prober and the suspicion timers decide.

  /** The target of this member's probe answered neither directly nor through anyone. */
  void probeFailed(int target) {
    NodeId who = id(target);
    long at = table.incarnation(target);
    if (config.suspicion()) {
      context.count("swim.suspicions", 1);
      originate(Update.suspect(who, at, context.self()));
    } else {
      context.count("swim.confirmations", 1);
      originate(Update.confirm(who, at, context.self()));
    }
  }

  private void onSuspicionTimeout(NodeId member) {
    int position = config.members().positionOf(member);
    if (table.status(position) != MemberStatus.SUSPECT) {
      return;
    }
    context.count("swim.confirmations", 1);
    suspicions.clear(position);
    originate(Update.confirm(member, table.incarnation(position), context.self()));
  }

  // Services for the prober and the relays.

  /**
   * Sends the message {@code build} makes from the gossip to piggyback: {@code first} (if any),
   * then the least-sent queued updates.
   */
  void send(NodeId to, Update first, Function<List<Update>, SwimMessage> build) {
    int limit = config.retransmitLimit(table.knownCount());
    List<Update> gossip;
    if (first == null) {
      gossip = queue.take(config.maxUpdatesPerMessage(), limit, -1);
    } else {
      int skip = config.members().positionOf(first.member());
      List<Update> queued = queue.take(config.maxUpdatesPerMessage() - 1, limit, skip);
      gossip = new ArrayList<>(queued.size() + 1);
      gossip.add(first);
      gossip.addAll(queued);
    }
    SwimMessage message = build.apply(gossip);
    context.send(to, message);
    context.count("membership.messagesSent", 1);
    context.count("membership.bytesSent", SwimMessage.wireBytes(message));
  }

  /** Up to {@code count} distinct alive members other than this one and {@code except}. */
  List<Integer> randomAliveMembers(int count, int except) {
    List<Integer> candidates = new ArrayList<>();
    for (int member = 0; member < config.members().size(); member++) {
      if (member != self && member != except && table.status(member) == MemberStatus.ALIVE) {
        candidates.add(member);
      }
    }
    // A partial Fisher-Yates shuffle: the first count positions are a uniform sample.
    int picked = Math.min(count, candidates.size());
    for (int i = 0; i < picked; i++) {
      int j = i + context.random().nextInt(candidates.size() - i);
      Integer swap = candidates.get(i);
      candidates.set(i, candidates.get(j));
      candidates.set(j, swap);
    }
    return List.copyOf(candidates.subList(0, picked));
  }

  void adjustAwareness(int delta) {
    if (config.lifeguard().localHealth() && awareness.apply(delta)) {
      context.recordMax("swim.awarenessMax", awareness.score());
    }
  }

  long scaledPeriodNanos() {
    return config.lifeguard().localHealth()
        ? awareness.scale(config.periodNanos())
        : config.periodNanos();
  }

  /** Counts a refusal forced by a bound, and says so in the trace the first time. */
  void boundHit(String metric, String bound, long value) {
    context.count(metric, 1);
    context.note(bound + " (" + value + ") reached: " + metric);
  }

  long nextSeq() {
    return seqNext++;
  }

  NodeId id(int member) {
    return config.members().id(member);
  }

  NodeContext<SwimMessage, SwimTimer> context() {
    return context;
  }

  SwimConfig config() {
    return config;
  }

  MemberTable table() {
    return table;
  }

  ProbeTargets targets() {
    return targets;
  }

  // Read-only views for the checks, the timeline and tests.

  @Override
  public MemberStatus statusOf(NodeId member) {
    int position = config.members().positionOf(member);
    return position < 0 || table == null ? MemberStatus.UNKNOWN : table.status(position);
  }

  @Override
  public long incarnationOf(NodeId member) {
    int position = config.members().positionOf(member);
    return position < 0 || table == null ? 0 : table.incarnation(position);
  }

  @Override
  public List<ViewChange> lastChanges() {
    return table == null ? List.of() : table.changes();
  }

  @Override
  public boolean isMember() {
    return lifecycle == Lifecycle.MEMBER;
  }

  /** This member's own incarnation. */
  public long incarnation() {
    return incarnation;
  }

  /** The last probe this member finished, or null before its first (for analyses). */
  public FinishedProbe lastFinishedProbe() {
    return prober.lastFinished();
  }

  /** Lifeguard's health score (0 without Local Health Awareness). */
  public int awarenessScore() {
    return awareness == null ? 0 : awareness.score();
  }

  /** How many members this one is suspecting now. */
  public int activeSuspicions() {
    return suspicions == null ? 0 : suspicions.active();
  }
}
