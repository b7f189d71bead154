package faultline.exercises.grading.routes;

import faultline.protocols.raft.LogView;
import faultline.protocols.raft.RaftConfig;
import faultline.protocols.raft.ReadLeader;
import faultline.protocols.raft.ReadRule;
import faultline.protocols.raft.ReadTicket;
import java.util.List;
import java.util.function.Supplier;

/** Student classes for {@code ReferenceGuardRoutesTest}: each reaches ReadRule.PAPER one way. */
public final class Routes {
  private Routes() {}

  /** Writes its own rule, calling the allowed ReadLeader and its LogView's default body. */
  public static final class OwnRule implements ReadRule {
    @Override
    public ReadTicket admit(ReadLeader leader) {
      return new ReadTicket(leader.commitIndex(), leader.requestRound());
    }

    @Override
    public boolean mayServe(ReadLeader leader, ReadTicket ticket) {
      return leader.confirmedRound() >= ticket.round();
    }
  }

  /** A helper of the student's that delegates, called through the interface. */
  static final class Borrowed implements ReadRule {
    @Override
    public ReadTicket admit(ReadLeader leader) {
      return ReadRule.PAPER.admit(leader);
    }

    @Override
    public boolean mayServe(ReadLeader leader, ReadTicket ticket) {
      return false;
    }
  }

  /** Calls {@link Borrowed} through the interface type: the call names ReadRule.admit. */
  public static final class ThroughTheInterface implements ReadRule {
    private final ReadRule helper = new Borrowed();

    @Override
    public ReadTicket admit(ReadLeader leader) {
      return helper.admit(leader);
    }

    @Override
    public boolean mayServe(ReadLeader leader, ReadTicket ticket) {
      return leader.lastApplied() >= ticket.readIndex();
    }
  }

  /** An interface of the student's whose default body delegates. */
  interface Defaulted extends ReadRule {
    @Override
    default boolean mayServe(ReadLeader leader, ReadTicket ticket) {
      return ReadRule.PAPER.mayServe(leader, ticket);
    }
  }

  /** Inherits the delegating default and never writes mayServe. */
  public static final class InheritsADefault implements Defaulted {
    @Override
    public ReadTicket admit(ReadLeader leader) {
      return new ReadTicket(leader.commitIndex(), leader.requestRound());
    }
  }

  /** Runs the rule a configuration holds, handed in (its default is the reference). */
  public static final class FromAConfiguration implements ReadRule {
    private final Supplier<RaftConfig> config;

    public FromAConfiguration(Supplier<RaftConfig> config) {
      this.config = config;
    }

    @Override
    public ReadTicket admit(ReadLeader leader) {
      return config.get().readRule().admit(leader);
    }

    @Override
    public boolean mayServe(ReadLeader leader, ReadTicket ticket) {
      return true;
    }
  }

  /** Casts a value of unknown origin to the protocol and runs it. */
  public static final class CastsToTheProtocol implements ReadRule {
    private final List<Object> rules;

    public CastsToTheProtocol(List<Object> rules) {
      this.rules = rules;
    }

    @Override
    public ReadTicket admit(ReadLeader leader) {
      return ((ReadRule) rules.get(0)).admit(leader);
    }

    @Override
    public boolean mayServe(ReadLeader leader, ReadTicket ticket) {
      return true;
    }
  }

  /** Calls through an interface of the simulator that the exercise does not allow. */
  public static final class ThroughAnUnlistedInterface implements ReadRule {
    @Override
    public ReadTicket admit(ReadLeader leader) {
      LogView log = leader.log();
      return new ReadTicket(log.lastIndex(), leader.requestRound());
    }

    @Override
    public boolean mayServe(ReadLeader leader, ReadTicket ticket) {
      return true;
    }
  }
}
