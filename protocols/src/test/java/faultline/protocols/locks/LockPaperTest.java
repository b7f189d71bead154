package faultline.protocols.locks;

import static org.assertj.core.api.Assertions.assertThat;

import faultline.engine.node.NodeId;
import faultline.protocols.locks.LockMessage.Acquire;
import faultline.protocols.locks.LockMessage.Busy;
import faultline.protocols.locks.LockMessage.Granted;
import faultline.protocols.locks.LockMessage.Release;
import faultline.protocols.locks.LockMessage.Renew;
import faultline.protocols.locks.LockMessage.RenewRefused;
import faultline.protocols.locks.ResourceMessage.Write;
import faultline.protocols.locks.ResourceMessage.WriteAccepted;
import faultline.protocols.locks.ResourceMessage.WriteRejected;
import faultline.protocols.testing.HandDrivenContext;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Tests tied to the sources of the lock service, on the model of etcd-raft's paper tests: leases
 * (Gray and Cheriton, SOSP 1989), fencing tokens (Kleppmann, "How to do distributed locking", 2016;
 * Chubby's sequencers, Burrows, OSDI 2006, §2.4) and what survives a restart (Chubby §2.9). One
 * service or resource is driven by hand through a {@link HandDrivenContext}.
 */
class LockPaperTest {
  private static final NodeId C1 = NodeId.of("c1");
  private static final NodeId C2 = NodeId.of("c2");
  private static final List<NodeId> NODES = List.of(NodeId.of("svc"), C1, C2);
  private static final long TTL_NANOS = 1_000_000_000L;

  private final HandDrivenContext<LockMessage, LockTimer> context =
      new HandDrivenContext<>("svc", NODES);

  private LockServiceNode started() {
    LockServiceNode service = new LockServiceNode(LockServiceConfig.defaults());
    service.onStart(context);
    return service;
  }

  private Object ask(LockServiceNode service, NodeId client, LockMessage message) {
    service.onMessage(context, client, message);
    List<HandDrivenContext.Sent> sent = context.drain();
    return sent.isEmpty() ? null : sent.getLast().message();
  }

  private static Acquire acquire(String lock) {
    return new Acquire(lock, TTL_NANOS, 1, 0);
  }

  /**
   * Gray and Cheriton: "a lease is a contract that gives its holder specified rights over property
   * for a limited period of time." While it runs, no one else gets the lock; once it has run out,
   * the next client does.
   */
  @Test
  void aLeaseExcludesOthersForItsTermAndNoLonger() {
    LockServiceNode service = started();
    assertThat(ask(service, C1, acquire("L"))).isInstanceOf(Granted.class);

    context.nowNanos = TTL_NANOS - 1;
    assertThat(ask(service, C2, acquire("L"))).isInstanceOf(Busy.class);

    context.nowNanos = TTL_NANOS;
    assertThat(ask(service, C2, acquire("L"))).isInstanceOf(Granted.class);
  }

  /**
   * Kleppmann: "every time the lock server grants a lock or lease, it also returns a fencing token,
   * which is a number that increases every time a lock is granted." Here across all locks, as
   * Chubby's sequencers are.
   */
  @Test
  void everyGrantCarriesALargerTokenThanAnyBefore() {
    LockServiceNode service = started();
    Granted first = (Granted) ask(service, C1, acquire("L"));
    ask(service, C1, new Release("L", first.token()));
    Granted second = (Granted) ask(service, C2, acquire("L"));
    Granted other = (Granted) ask(service, C1, acquire("M"));

    assertThat(List.of(first.token(), second.token(), other.token())).containsExactly(1L, 2L, 3L);
  }

  /** Only the holder of the current lease may renew or release it (Gray and Cheriton, §2). */
  @Test
  void onlyTheHolderRenewsOrReleases() {
    LockServiceNode service = started();
    Granted granted = (Granted) ask(service, C1, acquire("L"));

    assertThat(ask(service, C2, new Renew("L", granted.token(), 2, 0)))
        .isInstanceOf(RenewRefused.class);
    ask(service, C2, new Release("L", granted.token()));
    assertThat(ask(service, C2, acquire("L"))).isInstanceOf(Busy.class);
  }

  /**
   * Kleppmann: "the storage server remembers that it has already processed a write with a higher
   * token number (34), and so it rejects the request with token 33." A write with the highest token
   * so far is accepted again by the resource that rejects only lower ones, as a holder writes more
   * than once, and refused by the strict one.
   */
  @ParameterizedTest(name = "{0}: token 34 then {1}: accepted {2}")
  @CsvSource({
    "REJECT_BELOW_HIGHEST, 33, false",
    "REJECT_BELOW_HIGHEST, 34, true",
    "REJECT_BELOW_HIGHEST, 35, true",
    "REJECT_AT_OR_BELOW_HIGHEST, 34, false",
    "OFF, 33, true",
  })
  void theResourceRejectsAWriteFencedOffByAHigherToken(
      Fencing fencing, long nextToken, boolean accepted) {
    HandDrivenContext<ResourceMessage, LockTimer> disk =
        new HandDrivenContext<>("resource", List.of(NodeId.of("resource"), C1, C2));
    StorageResourceNode resource =
        new StorageResourceNode(LockServiceConfig.defaults().withFencing(fencing));
    resource.onStart(disk);
    resource.onMessage(disk, C2, new Write("b", 34, 1));
    disk.drain();

    resource.onMessage(disk, C1, new Write("a", nextToken, 2));

    assertThat(disk.drain().getLast().message())
        .isInstanceOf(accepted ? WriteAccepted.class : WriteRejected.class);
  }

  /**
   * Chubby §2.9: a restarted master does not know which leases are out there, so it honours them
   * all before granting again. Here the next token and the longest lease granted are on disk before
   * a grant leaves, so a restart neither repeats a token nor grants until every lease it forgot has
   * run out.
   */
  @Test
  void aRestartNeverRepeatsATokenNorGrantsBeforeForgottenLeasesEnd() {
    ask(started(), C1, acquire("L"));

    LockServiceNode restarted = started();
    context.drain();
    assertThat(ask(restarted, C2, acquire("M"))).isInstanceOf(Busy.class);

    context.nowNanos = TTL_NANOS;
    assertThat(((Granted) ask(restarted, C2, acquire("M"))).token()).isEqualTo(2);
  }
}
