package faultline.exercises.e11_read_index;

import faultline.protocols.raft.LogEntry;
import faultline.protocols.raft.LogView;
import faultline.protocols.raft.ReadLeader;
import java.util.ArrayList;
import java.util.List;

/**
 * A leader whose every answer a unit check chooses, for the grader's chosen cases: it counts the
 * heartbeat rounds asked of it and hands out {@code nextRound}.
 */
final class ChosenLeader implements ReadLeader {
  private final long commitIndex;
  private final long lastApplied;
  private final long firstIndexOfTerm;
  private final long nextRound;
  private final long confirmedRound;
  private int roundsAsked;

  ChosenLeader(
      long commitIndex,
      long lastApplied,
      long firstIndexOfTerm,
      long nextRound,
      long confirmedRound) {
    this.commitIndex = commitIndex;
    this.lastApplied = lastApplied;
    this.firstIndexOfTerm = firstIndexOfTerm;
    this.nextRound = nextRound;
    this.confirmedRound = confirmedRound;
  }

  int roundsAsked() {
    return roundsAsked;
  }

  @Override
  public long currentTerm() {
    return 3;
  }

  @Override
  public long commitIndex() {
    return commitIndex;
  }

  @Override
  public long lastApplied() {
    return lastApplied;
  }

  @Override
  public long firstIndexOfTerm() {
    return firstIndexOfTerm;
  }

  @Override
  public LogView log() {
    // Terms 1 and 2 before the leader's own term 3, which starts at firstIndexOfTerm.
    List<LogEntry> entries = new ArrayList<>();
    for (long index = 1; index <= Math.max(commitIndex, firstIndexOfTerm); index++) {
      long term = index >= firstIndexOfTerm ? 3 : index * 2 < firstIndexOfTerm ? 1 : 2;
      entries.add(new LogEntry(term, null));
    }
    return LogView.of(entries);
  }

  @Override
  public long requestRound() {
    roundsAsked++;
    return nextRound;
  }

  @Override
  public long confirmedRound() {
    return confirmedRound;
  }
}
