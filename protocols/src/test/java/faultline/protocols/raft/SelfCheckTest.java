package faultline.protocols.raft;

import static faultline.protocols.raft.PaperServer.N1;
import static faultline.protocols.raft.PaperServer.N2;
import static faultline.protocols.raft.PaperServer.cluster;
import static faultline.protocols.raft.PaperServer.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import faultline.protocols.raft.RaftMessage.AppendEntries;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A server's own assertions after each handler ({@link SelfCheck}) fire on the state they forbid,
 * and the one that holds only while the cluster is safe is left to the cluster's invariants when a
 * planted mistake runs.
 */
class SelfCheckTest {
  private static ServerState booted(long term) {
    FakeContext context = new FakeContext("n1", cluster(3));
    context.storage.values.put("raft.currentTerm", term);
    RaftConfig config = RaftConfig.defaults(cluster(3));
    ServerState state =
        new ServerState(config, ServerRules.of(config, ElectionRules.paper()), new EntryStrings());
    state.enter(context);
    state.boot();
    return state;
  }

  @Test
  void aTermThatFallsIsCaught() {
    SelfCheck check = new SelfCheck();
    check.afterHandler(booted(5));

    assertThatThrownBy(() -> check.afterHandler(booted(3)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("n1: term fell from 5 to 3");
  }

  /** A later leader's entries over a committed prefix: what Leader Completeness rules out. */
  private static AppendEntries overwritingCommitted() {
    return new AppendEntries(3, N2, 0, 0, List.of(entry(3, "z")), 0, 1);
  }

  @Test
  void underThePapersRulesACommitIndexPastTheLogIsCaught() {
    PaperServer follower = PaperServer.of(N1, cluster(3), 2);
    follower.receive(
        N2, new AppendEntries(2, N2, 0, 0, List.of(entry(2, "a"), entry(2, "b")), 2, 1));
    assertThat(follower.node.commitIndex()).isEqualTo(2);

    assertThatThrownBy(() -> follower.receive(N2, overwritingCommitted()))
        .hasMessage("n1: commitIndex 2 past the last entry 1");
  }

  @Test
  void withAPlantedMistakeTheClusterInvariantsReportItInstead() {
    RaftConfig planted =
        RaftConfig.builder(cluster(3)).bugs(Set.of(RaftBug.ACCEPT_STALE_APPEND)).build();
    PaperServer follower = PaperServer.of(N1, planted, 2);
    follower.receive(
        N2, new AppendEntries(2, N2, 0, 0, List.of(entry(2, "a"), entry(2, "b")), 2, 1));

    assertThatCode(() -> follower.receive(N2, overwritingCommitted())).doesNotThrowAnyException();
    assertThat(follower.node.log().lastIndex()).isEqualTo(1);
  }
}
