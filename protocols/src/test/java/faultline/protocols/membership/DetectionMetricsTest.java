package faultline.protocols.membership;

import static faultline.engine.time.Nanos.SECOND;
import static faultline.protocols.membership.FakeGroup.id;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The detection metrics in true time: first detection (the first member to stop holding a crashed
 * one alive), first verdict, full dissemination, the beliefs still wrong at the end, and the
 * group's size integrated over time. Driven by hand in a {@link FakeGroup}.
 */
class DetectionMetricsTest {

  private final DetectionMetrics metrics;
  private final FakeGroup group = new FakeGroup(4);

  DetectionMetricsTest() {
    DetectionMetrics[] made = new DetectionMetrics[1];
    group.checking(
        index -> {
          made[0] = new DetectionMetrics(index);
          return List.of(made[0]);
        });
    metrics = made[0];
  }

  private void believe(int viewer, int member, MemberStatus status) {
    group.member(viewer).believe(id(member), status, 0, null);
    group.step(viewer);
  }

  @Test
  void detectionVerdictAndFullDisseminationAreTimedFromTheCrash() {
    group.at(10 * SECOND).crash(2);
    group.at(12 * SECOND);
    believe(1, 2, MemberStatus.SUSPECT); // First detection: 2 s.
    group.at(16 * SECOND);
    believe(1, 2, MemberStatus.FAULTY); // First verdict: 6 s.
    group.at(17 * SECOND);
    believe(3, 2, MemberStatus.FAULTY);
    group.at(19 * SECOND);
    believe(4, 2, MemberStatus.FAULTY); // Everyone: 9 s.
    group.at(20 * SECOND).end();

    assertThat(metrics.departed()).containsExactly(id(2));
    assertThat(group.metric("membership.firstDetectionP50Nanos")).isEqualTo(2 * SECOND);
    assertThat(group.metric("membership.firstVerdictMaxNanos")).isEqualTo(6 * SECOND);
    assertThat(group.metric("membership.fullDisseminationMaxNanos")).isEqualTo(9 * SECOND);
    assertThat(group.metric("membership.fullDisseminationCount")).isEqualTo(1);
    assertThat(group.metric("membership.fullDisseminationMissing")).isZero();
    assertThat(group.metric("membership.wrongAtEnd")).isZero();
  }

  @Test
  void aCrashNobodyNoticedIsReportedMissingAndItsBeliefsWrong() {
    group.at(10 * SECOND).crash(2);
    group.at(20 * SECOND).end();

    assertThat(group.metrics)
        .containsEntry("membership.firstDetectionMissing", 1L)
        .doesNotContainKey("membership.firstDetectionCount");
    assertThat(group.metric("membership.wrongAtEnd")).as("n1, n3, n4 hold n2 alive").isEqualTo(3);
  }

  @Test
  void aLiveMemberHeldFaultyAtTheEndIsAWrongBelief() {
    group.at(5 * SECOND);
    believe(1, 3, MemberStatus.FAULTY);
    group.at(6 * SECOND).end();

    assertThat(group.metric("membership.wrongAtEnd")).isEqualTo(1);
    assertThat(group.metrics).doesNotContainKey("membership.firstDetectionMissing");
  }

  @Test
  void memberTimeIsTheGroupsSizeIntegratedOverTime() {
    group.at(10 * SECOND).crash(2); // 4 members for 10 s, then 3 for 10 s.
    group.at(20 * SECOND).end();

    assertThat(group.metric("membership.memberMillis")).isEqualTo(70_000);
  }

  @Test
  void leavesAreMeasuredApartFromCrashes() {
    group.member(2).member = false;
    group.at(10 * SECOND).step(2);
    group.at(11 * SECOND);
    believe(1, 2, MemberStatus.LEFT);
    believe(3, 2, MemberStatus.LEFT);
    believe(4, 2, MemberStatus.LEFT);
    group.end();

    assertThat(group.metric("membership.leaveDisseminationMaxNanos")).isEqualTo(SECOND);
    assertThat(group.metrics).doesNotContainKey("membership.firstDetectionCount");
  }
}
