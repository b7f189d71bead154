package faultline.exercises.e12_linearizability;

import faultline.exercises.grading.CpuBudget;

/**
 * The sequential specification of a register: what one operation does when operations run one at a
 * time. Your search asks it whether an operation can take effect next, and what the register holds
 * after it. (Each call also counts against the time the grader gives one history.)
 */
public final class Register {
  private Register() {}

  /**
   * Whether {@code op} can take effect when the register holds {@code state}: a write always can; a
   * read that returned (OK) only if it returned {@code state}, one whose outcome is unknown always;
   * a cas only if it finds the value it expected ({@code op.value()}).
   */
  public static boolean fits(long state, Op op) {
    CpuBudget.tick();
    return switch (op.kind()) {
      case READ -> op.outcome() != Op.Outcome.OK || op.value() == state;
      case WRITE -> true;
      case CAS -> op.value() == state;
    };
  }

  /** What the register holds after {@code op} takes effect in {@code state} (where it fits). */
  public static long after(long state, Op op) {
    return switch (op.kind()) {
      case READ -> state;
      case WRITE -> op.value();
      case CAS -> op.newValue();
    };
  }
}
