package faultline.scenarios.shrink;

import static faultline.engine.time.Nanos.MILLI;

import com.fasterxml.jackson.databind.node.ObjectNode;
import faultline.scenarios.parse.Durations;
import java.util.ArrayList;
import java.util.List;

/**
 * The state of one shrink: the smallest failing candidate so far, and the reductions tried on it in
 * a fixed order, round after round, until a round changes nothing (a fixed point) or the budget is
 * spent. A reduction is kept when its run still violates the invariant and makes no more events
 * than the original run did; faults, their lengths, the run's length, the nodes a partition cuts
 * off and the load only ever go down, so the result is never larger than the original.
 */
final class Search {
  private final Trials trials;
  private final long eventsMax;
  private final Shrinker.Listener listener;
  private Candidate current;
  private Trial trial;

  Search(Trials trials, Candidate start, Trial startTrial, Shrinker.Listener listener) {
    this.trials = trials;
    this.current = start;
    this.trial = startTrial;
    this.eventsMax = startTrial.events();
    this.listener = listener;
  }

  Candidate current() {
    return current;
  }

  Trial trial() {
    return trial;
  }

  /**
   * Shrinks until a round of every reduction changes nothing, then rounds the faults' times.
   *
   * @return why it stopped early (the budget), or null at a fixed point
   */
  String run() {
    try {
      boolean changed;
      do {
        changed = cutRun();
        changed |= dropFaults();
        changed |= ScenarioReductions.quietNetwork(this);
        changed |= ScenarioReductions.lighterLoad(this);
        changed |= EpisodeReductions.shorten(this);
        changed |= EpisodeReductions.narrow(this);
        changed |= EpisodeReductions.moveLater(this);
      } while (changed);
      EpisodeReductions.roundTimes(this);
      cutRun();
      return null;
    } catch (Trials.OutOfBudget e) {
      return e.getMessage();
    }
  }

  /**
   * Runs {@code candidate} and keeps it when it still fails within the original's events.
   *
   * @param change what the candidate changed, in a few words, for the progress report
   */
  boolean attempt(Candidate candidate, String change) {
    int runsBefore = trials.runs();
    Trial candidateTrial = trials.run(candidate);
    boolean kept = candidateTrial.fails() && candidateTrial.events() <= eventsMax;
    if (kept) {
      current = candidate;
      trial = candidateTrial;
      listener.reduced(change, trials.runs(), size());
    } else if (trials.runs() > runsBefore) {
      listener.tried(trials.runs(), size());
    }
    return kept;
  }

  /** The current candidate's size. */
  ShrinkSize size() {
    return ShrinkSize.of(current, trial);
  }

  /** The time of the violation being shrunk for, in the current run. */
  long violationNanos() {
    return trial.violation().timeNanos();
  }

  /**
   * Stops the run just past the violation (at the next whole millisecond), leaving out the faults
   * after it, which never happened; then tries that stop as the run's duration, which protocol
   * defaults are derived from, so that the file says one length.
   */
  private boolean cutRun() {
    long cutNanos = Math.max(MILLI, ceilMillis(violationNanos()));
    boolean changed = false;
    if (cutNanos < trial.untilNanos()) {
      ObjectNode base = current.base().deepCopy();
      base.withObjectProperty("run").put("until", Durations.format(cutNanos));
      List<Episode> kept = new ArrayList<>();
      for (Episode episode : current.episodes()) {
        Episode cut = episode.cutAt(cutNanos);
        if (!cut.faults().isEmpty()) {
          kept.add(cut);
        }
      }
      changed = attempt(new Candidate(base, kept), "stopped the run at " + text(cutNanos));
    }
    ObjectNode run = (ObjectNode) current.base().get("run");
    if (run != null && run.has("until")) {
      long untilNanos = trial.untilNanos();
      ObjectNode base = current.base().deepCopy();
      ObjectNode shorter = base.withObjectProperty("run");
      shorter.remove("until");
      shorter.put("duration", Durations.format(untilNanos));
      changed |=
          attempt(current.withBase(base), "made " + text(untilNanos) + " the run's duration");
    }
    return changed;
  }

  /** Delta debugging over the episodes: the fewest that still fail. */
  private boolean dropFaults() {
    int before = current.episodes().size();
    Candidate from = current;
    DeltaDebugging.minimize(
        from.episodes(),
        subset ->
            attempt(
                from.withEpisodes(subset),
                "kept " + subset.size() + " of " + before + " fault episodes"));
    return current.episodes().size() < before;
  }

  static long ceilMillis(long nanos) {
    return Math.ceilDiv(nanos, MILLI) * MILLI;
  }

  static long floorMillis(long nanos) {
    return Math.floorDiv(nanos, MILLI) * MILLI;
  }

  static String text(long nanos) {
    return Durations.format(nanos);
  }
}
