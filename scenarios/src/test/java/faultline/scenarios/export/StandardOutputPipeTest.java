package faultline.scenarios.export;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * How {@code export -o -} tells a pipe (whose reader may leave: quiet, exit 141) from a file or a
 * terminal (whose failure is an error): by the target Linux gives standard output in {@code /proc}.
 */
class StandardOutputPipeTest {
  @Test
  void pipesAndSocketsAreReadersThatMayLeave() {
    assertThat(Exports.namesAPipe("pipe:[4711]")).isTrue();
    assertThat(Exports.namesAPipe("socket:[812]")).isTrue();
  }

  @Test
  void filesAndTerminalsAreNot() {
    assertThat(Exports.namesAPipe("/home/ada/out.log")).isFalse();
    assertThat(Exports.namesAPipe("/dev/pts/3")).isFalse();
    assertThat(Exports.namesAPipe("/tmp/pipe:[1]")).isFalse();
  }
}
