package faultline.protocols.raft;

import static faultline.engine.time.Nanos.MILLI;
import static org.assertj.core.api.Assertions.assertThat;

import faultline.engine.RunOutcome;
import faultline.engine.check.Violation;
import faultline.engine.fault.Fault;
import faultline.engine.fault.ScheduledFault;
import faultline.engine.net.Latency;
import faultline.engine.net.LinkPolicy;
import faultline.engine.node.NodeId;
import faultline.engine.random.Ratio;
import faultline.protocols.history.LinearizabilityChecker;
import faultline.protocols.history.Model;
import faultline.protocols.kv.ClientWorkload;
import faultline.protocols.raft.check.RaftInvariants;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Lease reads with per-server election timeouts, on perfect clocks. How it works: n1 (timeout 30-35
 * ms) leads; n2's timeout is 60-65 ms, below the default 600-700 ms. At 300 ms n1's messages to n3
 * are blocked, so n3 stops hearing from any leader and, long before the partition, no longer
 * refuses votes. At 1 s the network splits n1 and c1 from n2, n3 and c2. n1 still holds the lease
 * n2's last acknowledgement gave it; n2 times out after 60-65 ms, votes for itself and wins n3's
 * vote. Unless the lease is shorter than every server's least timeout, n1 serves c1 the old value
 * after c2's writes commit under n2: the planted {@link RaftBug#LEASE_BY_DEFAULT_TIMEOUT}, the
 * mistake this test was written for, shows it.
 */
class LeaseReadSafetyTest {
  private static final NodeId N1 = NodeId.of("n1");
  private static final NodeId N2 = NodeId.of("n2");
  private static final NodeId N3 = NodeId.of("n3");
  private static final NodeId C1 = NodeId.of("c1");
  private static final NodeId C2 = NodeId.of("c2");

  private static RaftConfig config(ReadMode reads) {
    return config(reads, Set.of());
  }

  private static RaftConfig config(ReadMode reads, Set<RaftBug> bugs) {
    TreeMap<NodeId, RaftConfig.TimeoutRange> overrides = new TreeMap<>();
    overrides.put(N1, new RaftConfig.TimeoutRange(30 * MILLI, 35 * MILLI));
    overrides.put(N2, new RaftConfig.TimeoutRange(60 * MILLI, 65 * MILLI));
    ClientWorkload clients =
        new ClientWorkload(
            List.of(C1, C2),
            4,
            5 * MILLI,
            10 * MILLI,
            1,
            new ClientWorkload.Mix(10, 1, 0, 0),
            15 * MILLI,
            100 * MILLI,
            1700 * MILLI,
            List.of());
    return RaftConfig.builder(List.of(N1, N2, N3))
        .electionTimeoutNanos(600 * MILLI, 700 * MILLI)
        .electionTimeoutOverrides(overrides)
        .heartbeatNanos(10 * MILLI)
        .readMode(reads)
        .bugs(bugs)
        .workload(clients)
        .build();
  }

  private static RunOutcome run(long seed, ReadMode reads) {
    return run(seed, config(reads));
  }

  private static RunOutcome run(long seed, RaftConfig config) {
    return RaftRuns.run(
        seed,
        config,
        LinkPolicy.defaults().withLatency(Latency.uniform(MILLI, 3 * MILLI)).withLoss(Ratio.ZERO),
        List.of(
            new ScheduledFault(300 * MILLI, new Fault.Block(N1, N3)),
            new ScheduledFault(
                1000 * MILLI, new Fault.Partition(List.of(List.of(N1, C1), List.of(N2, N3, C2)))),
            new ScheduledFault(1800 * MILLI, new Fault.Heal())),
        RaftInvariants.all(
            LinearizabilityChecker.of(Model.kv(), LinearizabilityChecker.DEFAULT_STATES_MAX)),
        2200 * MILLI);
  }

  @ParameterizedTest(name = "seed={0}")
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void aServerWithAShortTimeoutCannotBeElectedWhileTheOldLeaderServesLeaseReads(long seed) {
    RunOutcome lease = run(seed, ReadMode.LEASE);

    assertThat(lease.violations()).isEmpty();
    assertThat(lease.metrics().get("raft.elected")).isGreaterThanOrEqualTo(2);
    assertThat(lease.metrics().get("kv.leaseReads")).isPositive();
  }

  @ParameterizedTest(name = "seed={0}")
  @ValueSource(longs = {1, 2, 3})
  void aLeaseMeasuredByTheDefaultTimeoutAloneServesStaleReadsOnTheSameSchedule(long seed) {
    RunOutcome planted =
        run(seed, config(ReadMode.LEASE, Set.of(RaftBug.LEASE_BY_DEFAULT_TIMEOUT)));

    assertThat(planted.violations()).extracting(Violation::invariant).contains("kv.linearizable");
  }

  @Test
  void theLeaseEndsBeforeAnyOtherServerMayVoteForItselfOrForAnother() {
    RaftConfig config = config(ReadMode.LEASE);

    // n1 leads: n2's 60 ms is the first moment another server may stand.
    assertThat(config.leaseBoundNanos(N1)).isEqualTo(60 * MILLI);
    // n2 leads: n1 may stand after 30 ms; n2's own override does not count.
    assertThat(config.leaseBoundNanos(N2)).isEqualTo(30 * MILLI);
    // Overrides above the default minimum never lengthen it: voters refuse only that long.
    TreeMap<NodeId, RaftConfig.TimeoutRange> slow = new TreeMap<>();
    slow.put(N2, new RaftConfig.TimeoutRange(900 * MILLI, 950 * MILLI));
    slow.put(N3, new RaftConfig.TimeoutRange(900 * MILLI, 950 * MILLI));
    RaftConfig slowOthers =
        RaftConfig.builder(List.of(N1, N2, N3))
            .electionTimeoutNanos(600 * MILLI, 700 * MILLI)
            .electionTimeoutOverrides(slow)
            .heartbeatNanos(10 * MILLI)
            .readMode(ReadMode.LEASE)
            .build();
    assertThat(slowOthers.leaseBoundNanos(N1)).isEqualTo(600 * MILLI);
    // The planted mistake: the default minimum alone, n2's 60 ms forgotten.
    assertThat(config(ReadMode.LEASE, Set.of(RaftBug.LEASE_BY_DEFAULT_TIMEOUT)).leaseBoundNanos(N1))
        .isEqualTo(600 * MILLI);
  }

  @ParameterizedTest(name = "seed={0}")
  @ValueSource(longs = {1, 2})
  void readIndexIsSafeOnTheSameSchedule(long seed) {
    assertThat(run(seed, ReadMode.READ_INDEX).violations()).isEmpty();
  }
}
