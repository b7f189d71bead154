package faultline.protocols.raft;

import static org.assertj.core.api.Assertions.assertThat;

import faultline.engine.node.NodeId;
import faultline.protocols.raft.RaftMessage.AppendEntries;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * The package's append rules, which answer with the index of the first new entry ({@link
 * FirstNewEntryRule}), decide as Figure 2's receiver rules 2 to 5 written out entry by entry (the
 * rules' code before that shape): on random logs and AppendEntries whose entries match, conflict
 * with, run past or fall short of the log, with and without the consistency check.
 */
class AppendRuleProperties {
  @Property(tries = 1000)
  void theRulesDecideAsFigure2WrittenOutEntryByEntry(
      @ForAll @Size(max = 8) List<@IntRange(min = 1, max = 3) Integer> logTerms,
      @ForAll @IntRange(min = 0, max = 9) int previous,
      @ForAll @IntRange(min = 0, max = 3) int previousTerm,
      @ForAll @Size(max = 5) List<@IntRange(min = 1, max = 3) Integer> entryTerms,
      @ForAll @IntRange(min = 0, max = 12) int leaderCommit) {
    LogView log = LogView.of(entries(logTerms));
    AppendEntries append =
        new AppendEntries(
            3, NodeId.of("n1"), previous, previousTerm, entries(entryTerms), leaderCommit, 1);
    boolean consistent = previous <= log.lastIndex() && log.term(previous) == previousTerm;
    assertThat(AppendRule.PAPER.decide(log, append))
        .isEqualTo(consistent ? writtenOut(log, append) : AppendDecision.reject());
    assertThat(AppendRule.WITHOUT_CONSISTENCY_CHECK.decide(log, append))
        .isEqualTo(previous <= log.lastIndex() ? writtenOut(log, append) : AppendDecision.reject());
  }

  private static List<LogEntry> entries(List<Integer> terms) {
    List<LogEntry> entries = new ArrayList<>();
    for (int term : terms) {
      entries.add(LogEntry.noOp(term));
    }
    return List.copyOf(entries);
  }

  /** Rules 3 to 5 for an accepted {@code append}, one entry at a time. */
  private static AppendDecision writtenOut(LogView log, AppendEntries append) {
    long previous = append.prevLogIndex();
    List<LogEntry> entries = append.entries();
    long truncateFrom = 0;
    int firstNew = 0;
    while (firstNew < entries.size()) {
      long index = previous + firstNew + 1;
      if (index > log.lastIndex()) {
        break;
      }
      if (log.term(index) != entries.get(firstNew).term()) {
        truncateFrom = index;
        break;
      }
      firstNew++;
    }
    return AppendDecision.accept(
        truncateFrom,
        entries.subList(firstNew, entries.size()),
        Math.min(append.leaderCommit(), previous + entries.size()));
  }
}
