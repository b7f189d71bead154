package faultline.exercises.grading;

import java.util.Optional;

/** What a check does: empty when it passes, the failure otherwise. */
@FunctionalInterface
public interface CheckBody {
  /**
   * Runs the check. Anything it throws (the student's exception, a stack overflow, running out of
   * memory) fails the check, with the seed from {@code progress}.
   */
  Optional<Failure> run(CheckProgress progress) throws Exception;
}
