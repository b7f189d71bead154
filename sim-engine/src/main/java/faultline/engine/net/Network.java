package faultline.engine.net;

import faultline.engine.Check;
import faultline.engine.lookup.LookupMap;
import faultline.engine.lookup.LookupSet;
import faultline.engine.node.NodeId;
import faultline.engine.random.SimRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The simulated network: per-link policies, partitions and one-way blocks. Every random decision
 * about a message (loss, latency, duplication, reordering) is drawn from the network's own stream
 * at send time, in send order, so a run's schedule depends only on the seed and the protocol.
 *
 * <p>The hash maps here are only looked up, never iterated, so their order cannot reach a trace.
 */
public final class Network {
  /** The most copies of one message the network delivers: the message and its duplicate. */
  public static final int COPIES_MAX = 2;

  private final SimRandom random;
  private LinkPolicy defaultPolicy;
  private final LookupMap<Link, LinkPolicy> linkPolicies = new LookupMap<>();
  private final LookupMap<Link, Long> lastArrivalNanos = new LookupMap<>();
  // Partition: the side each node is on; nodes absent from the map are on side 0 together.
  private final LookupMap<NodeId, Integer> sideOf = new LookupMap<>();
  private final Set<Link> blockedLinks = new LinkedHashSet<>(); // Iterated only to sort.
  private DropReason lastDropReason;

  public Network(LinkPolicy defaultPolicy, SimRandom random) {
    this.defaultPolicy = defaultPolicy;
    this.random = random;
  }

  /** Decides the fate of a message sent now; a drop is decided before any draw is made. */
  public Route route(long nowNanos, NodeId from, NodeId to) {
    long[] arrivals = new long[COPIES_MAX];
    int copies = route(nowNanos, from, to, arrivals);
    return copies == 0
        ? Route.dropped(lastDropReason)
        : Route.arriving(Arrays.copyOf(arrivals, copies));
  }

  /**
   * {@link #route(long, NodeId, NodeId)} without a {@link Route}, for the engine, which routes
   * every message: the same draws in the same order, the arrival times written into {@code
   * arrivalsNanos} (room for {@value #COPIES_MAX}), and their count returned; 0 when the message is
   * dropped, and then {@link #lastDropReason()} says why.
   */
  public int route(long nowNanos, NodeId from, NodeId to, long[] arrivalsNanos) {
    DropReason cut = cutReason(from, to);
    if (cut != null) {
      return dropped(cut);
    }
    // A link object is made only when a per-link policy or FIFO order needs one to look up.
    Link link = linkPolicies.isEmpty() ? null : new Link(from, to);
    LinkPolicy policy = link == null ? defaultPolicy : policyOf(link);
    if (link == null && policy.fifo()) {
      link = new Link(from, to);
    }
    if (random.chance(policy.loss())) {
      return dropped(DropReason.LOSS);
    }
    arrivalsNanos[0] = arrival(nowNanos, link, policy);
    if (random.chance(policy.duplicate())) {
      arrivalsNanos[1] = arrival(nowNanos, link, policy);
      return 2;
    }
    return 1;
  }

  /** Why the last message {@link #route(long, NodeId, NodeId, long[])} dropped was dropped. */
  public DropReason lastDropReason() {
    return lastDropReason;
  }

  private int dropped(DropReason reason) {
    lastDropReason = reason;
    return 0;
  }

  private long arrival(long nowNanos, Link link, LinkPolicy policy) {
    long latencyNanos = policy.latency().sampleNanos(random);
    if (!policy.fifo() && random.chance(policy.reorder())) {
      latencyNanos += policy.latency().sampleNanos(random);
    }
    long atNanos = Math.addExact(nowNanos, latencyNanos);
    if (policy.fifo()) {
      // Equal arrival times keep send order, because the event queue breaks ties by insertion.
      atNanos = Math.max(atNanos, lastArrivalNanos.getOrDefault(link, Long.MIN_VALUE));
      lastArrivalNanos.put(link, atNanos);
    }
    return atNanos;
  }

  /** Why the link from {@code from} to {@code to} is cut now, or {@code null} when it is open. */
  public DropReason cutReason(NodeId from, NodeId to) {
    if (from.equals(to)) {
      return null;
    }
    if (!sideOf.isEmpty() && !sideOf(from).equals(sideOf(to))) {
      return DropReason.PARTITION; // (With no partition, every node is on side 0.)
    }
    if (!blockedLinks.isEmpty() && blockedLinks.contains(new Link(from, to))) {
      return DropReason.BLOCKED;
    }
    return null;
  }

  private Integer sideOf(NodeId node) {
    return sideOf.getOrDefault(node, 0);
  }

  /**
   * Splits the network into the given groups; nodes in no group form one more group together.
   * Replaces any earlier partition (blocks are separate and stay).
   */
  public void partition(List<? extends Collection<NodeId>> groups) {
    sideOf.clear();
    LookupSet<NodeId> seen = new LookupSet<>();
    for (int i = 0; i < groups.size(); i++) {
      for (NodeId node : groups.get(i)) {
        Check.argument(seen.add(node), "%s is in two partition groups", node);
        sideOf.put(node, i + 1);
      }
    }
  }

  /** Removes the partition; blocked links stay blocked until unblocked. */
  public void heal() {
    sideOf.clear();
  }

  public void block(Link link) {
    blockedLinks.add(link);
  }

  public void unblock(Link link) {
    blockedLinks.remove(link);
  }

  public void unblockAll() {
    blockedLinks.clear();
  }

  /** The links currently blocked, sorted, for traces and views. */
  public SortedSet<String> blockedLinksSorted() {
    TreeSet<String> sorted = new TreeSet<>();
    for (Link link : blockedLinks) {
      sorted.add(link.toString());
    }
    return sorted;
  }

  /** The current partition as sorted groups (empty when healed). */
  public List<List<NodeId>> partitionGroups(Collection<NodeId> allNodes) {
    if (sideOf.isEmpty()) {
      return List.of();
    }
    TreeMap<Integer, List<NodeId>> bySide = new TreeMap<>();
    for (NodeId node : new TreeSet<>(allNodes)) {
      bySide.computeIfAbsent(sideOf(node), side -> new ArrayList<>()).add(node);
    }
    return List.copyOf(bySide.values());
  }

  public LinkPolicy policyOf(Link link) {
    return linkPolicies.getOrDefault(link, defaultPolicy);
  }

  /** Changes one directed link's policy from now on (link degradation or repair). */
  public void setPolicy(Link link, LinkPolicy policy) {
    linkPolicies.put(link, policy);
  }

  /** Changes the policy of every link from now on, dropping per-link overrides. */
  public void setDefaultPolicy(LinkPolicy policy) {
    defaultPolicy = policy;
    linkPolicies.clear();
  }

  public LinkPolicy defaultPolicy() {
    return defaultPolicy;
  }
}
