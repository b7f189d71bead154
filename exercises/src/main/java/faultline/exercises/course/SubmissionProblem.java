package faultline.exercises.course;

/** Why a submission could not be graded at all: every check earns zero, with this as the reason. */
final class SubmissionProblem extends Exception {
  SubmissionProblem(String reason) {
    super(reason);
  }
}
