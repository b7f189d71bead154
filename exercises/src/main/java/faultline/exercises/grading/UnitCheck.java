package faultline.exercises.grading;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A check of the student's rules on chosen inputs, without a simulation: each case compares what
 * the student's function returned with the expected value, and the first mismatch fails the check,
 * named in words ({@code receive(3, remote 10) returned 3, expected 11}).
 */
public final class UnitCheck implements CheckBody {
  /** One case: its description and how to compute the actual and expected values. */
  public record Case(String description, ThrowingSupplier actual, Object expected) {}

  /** A supplier the student's code may throw from. */
  @FunctionalInterface
  public interface ThrowingSupplier {
    Object get() throws Exception;
  }

  private final List<Case> cases = new ArrayList<>();

  public static UnitCheck cases() {
    return new UnitCheck();
  }

  public UnitCheck expect(String description, ThrowingSupplier actual, Object expected) {
    cases.add(new Case(description, actual, expected));
    return this;
  }

  @Override
  public Optional<Failure> run(CheckProgress progress) {
    for (Case testCase : cases) {
      Object actual;
      try {
        actual = testCase.actual().get();
      } catch (Exception | StackOverflowError e) {
        return Optional.of(Failure.of(testCase.description() + " " + StudentErrors.describe(e)));
      }
      if (!Objects.equals(actual, testCase.expected())) {
        return Optional.of(
            Failure.of(
                testCase.description()
                    + " returned "
                    + actual
                    + ", expected "
                    + testCase.expected()));
      }
    }
    return Optional.empty();
  }
}
