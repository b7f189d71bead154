package faultline.protocols.locks;

import faultline.engine.check.InvariantContext;
import faultline.engine.check.Step;
import faultline.engine.lookup.LookupMap;
import faultline.engine.node.NodeId;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The leases a lock service has handed out, in true time. A grant or renewal with TTL {@code d} at
 * true instant {@code t} makes the lease valid until {@code t + d}: the promise a client reads in a
 * TTL, whatever the service's clock later does. A release ends it at once. Nodes cannot see true
 * time; this ledger, kept by an invariant from the service's decisions, can.
 */
final class LeaseLedger {
  /** One lease as true time sees it. */
  record TrueLease(
      String lock,
      NodeId client,
      long token,
      long grantedAtNanos,
      long validUntilNanos,
      long releasedAtNanos) {
    boolean validAt(long nowNanos) {
      return nowNanos < validUntilNanos && nowNanos < releasedAtNanos;
    }

    long endNanos() {
      return Math.min(validUntilNanos, releasedAtNanos);
    }
  }

  /** A decision just observed, with the lease its lock had before it. */
  record Observed(NodeId service, LockServiceNode.Decision decision, TrueLease before) {}

  private final LookupMap<Long, TrueLease> byToken =
      new LookupMap<>(); // Looked up, never iterated.
  private final TreeMap<String, Long> currentToken = new TreeMap<>();
  private final LookupMap<NodeId, LockServiceNode.Decision> lastSeen = new LookupMap<>();

  /** If the step just taken was a lock-service decision, records it and returns it. */
  Optional<Observed> observe(InvariantContext context) {
    Optional<Step> step = context.lastStep();
    if (step.isEmpty()) {
      return Optional.empty();
    }
    NodeId node = step.get().node();
    LockServiceNode.Decision decision =
        context.node(node, LockServiceNode.class).map(LockServiceNode::lastDecision).orElse(null);
    // Identity, not equality: a restarted service numbers its decisions from 1 again.
    if (decision == null || decision == lastSeen.get(node)) {
      return Optional.empty();
    }
    lastSeen.put(node, decision);
    Long token = currentToken.get(decision.lock());
    TrueLease before = token == null ? null : byToken.get(token);
    apply(context.nowNanos(), decision);
    return Optional.of(new Observed(node, decision, before));
  }

  private void apply(long nowNanos, LockServiceNode.Decision decision) {
    TrueLease known = byToken.get(decision.token());
    switch (decision.kind()) {
      case GRANTED, RENEWED -> {
        long grantedAtNanos = known == null ? nowNanos : known.grantedAtNanos();
        byToken.put(
            decision.token(),
            new TrueLease(
                decision.lock(),
                decision.client(),
                decision.token(),
                grantedAtNanos,
                nowNanos + decision.ttlNanos(),
                Long.MAX_VALUE));
        currentToken.put(decision.lock(), decision.token());
      }
      case RELEASED -> {
        if (known != null) {
          byToken.put(
              decision.token(),
              new TrueLease(
                  known.lock(),
                  known.client(),
                  known.token(),
                  known.grantedAtNanos(),
                  known.validUntilNanos(),
                  Math.min(known.releasedAtNanos(), nowNanos)));
        }
      }
    }
  }

  /** The lease of {@code token}, or null when the service never granted it. */
  TrueLease lease(long token) {
    return byToken.get(token);
  }

  /** The newest lease of {@code lock}, or null. */
  TrueLease current(String lock) {
    Long token = currentToken.get(lock);
    return token == null ? null : byToken.get(token);
  }
}
