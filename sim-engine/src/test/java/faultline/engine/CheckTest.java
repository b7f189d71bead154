package faultline.engine;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * Each overload of {@link Check#state} passes silently when true and formats its message when not.
 */
class CheckTest {
  @Test
  void theNonBoxingOverloadsFormatLikeTheVarargsOne() {
    assertThatThrownBy(() -> Check.state(false, "at %s", 7L)).hasMessage("at 7");
    assertThatThrownBy(() -> Check.state(false, "%s < %s", 1L, 2L)).hasMessage("1 < 2");
    assertThatThrownBy(() -> Check.state(false, "%s: %s", "n1", 3L)).hasMessage("n1: 3");
    assertThatThrownBy(() -> Check.state(false, "%s: %s, %s", "n1", 3L, 4L)).hasMessage("n1: 3, 4");
    assertThatThrownBy(() -> Check.state(false, "%s %s: %s, %s", "n1", "n2", 3L, 4L))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("n1 n2: 3, 4");
    assertThatThrownBy(() -> Check.state(false, "%s %s %s", "a", "b", "c")).hasMessage("a b c");
  }

  @Test
  void aTrueConditionThrowsNothing() {
    assertThatCode(
            () -> {
              Check.state(true, "%s", 1L);
              Check.state(true, "%s %s", 1L, 2L);
              Check.state(true, "%s %s", "x", 2L);
              Check.state(true, "%s %s %s", "x", 1L, 2L);
              Check.state(true, "%s %s %s %s", "x", "y", 1L, 2L);
              Check.argument(true, "%s", "x");
            })
        .doesNotThrowAnyException();
  }
}
