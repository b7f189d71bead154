package faultline.protocols.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The two sequential specifications, one operation at a time. */
class ModelTest {
  private static Operation ok(String f, Object input, Object output) {
    return new Operation(0, f, null, input, output, true, 0, 1);
  }

  private static Operation unknown(String f, Object input) {
    return new Operation(0, f, null, input, null, false, 0, Integer.MAX_VALUE);
  }

  @Test
  void registerStartsEmptyAndReadsWhatWasWritten() {
    Model register = Model.register();
    assertThat(register.initialState()).isNull();
    assertThat(register.step(null, ok("read", null, null))).isNull();
    assertThat(register.step(null, ok("read", null, 3L))).isSameAs(Model.IMPOSSIBLE);
    Object afterWrite = register.step(null, ok("write", 3L, 3L));
    assertThat(afterWrite).isEqualTo(3L);
    assertThat(register.step(afterWrite, ok("read", null, 3L))).isEqualTo(3L);
    assertThat(register.step(afterWrite, ok("read", null, 4L))).isSameAs(Model.IMPOSSIBLE);
  }

  @Test
  void registerCasSwapsOnlyFromTheExpectedValue() {
    Model register = Model.register();
    assertThat(register.step(3L, ok("cas", List.of(3L, 4L), List.of(3L, 4L)))).isEqualTo(4L);
    assertThat(register.step(5L, ok("cas", List.of(3L, 4L), List.of(3L, 4L))))
        .isSameAs(Model.IMPOSSIBLE);
    assertThat(register.step(null, ok("cas", Arrays.asList(null, 1L), null))).isEqualTo(1L);
  }

  @Test
  void registerReadWithUnknownOutcomeFitsAnyState() {
    Model register = Model.register();
    assertThat(register.step(7L, unknown("read", null))).isEqualTo(7L);
    assertThat(register.isReadOnly(unknown("read", null))).isTrue();
    assertThat(register.isReadOnly(ok("write", 1L, 1L))).isFalse();
    assertThat(register.isBlindWrite(ok("write", 1L, 1L))).isTrue();
    assertThat(register.isBlindWrite(ok("cas", List.of(1L, 2L), null))).isFalse();
  }

  @Test
  void registerValuesCompareByEqualsSoStringsWork() {
    Model register = Model.register();
    Object state = register.step(null, ok("write", "a", "a"));
    assertThat(register.step(state, ok("read", null, new String("a")))).isEqualTo("a");
    assertThat(register.describe(state)).isEqualTo("\"a\"");
  }

  @Test
  void kvGetsPutsAndAppendsStrings() {
    Model kv = Model.kv();
    assertThat(kv.initialState()).isEqualTo("");
    assertThat(kv.step("", ok("get", null, ""))).isEqualTo("");
    assertThat(kv.step("", ok("get", null, "a"))).isSameAs(Model.IMPOSSIBLE);
    Object state = kv.step("", ok("put", "a", "a"));
    state = kv.step(state, ok("append", "b", "b"));
    assertThat(state).isEqualTo("ab");
    assertThat(kv.step(state, ok("get", null, "ab"))).isEqualTo("ab");
    assertThat(kv.step(state, unknown("append", "c"))).isEqualTo("abc");
    assertThat(kv.isReadOnly(ok("get", null, ""))).isTrue();
    assertThat(kv.step("ab", ok("cas", List.of("ab", "c"), null))).isEqualTo("c");
    assertThat(kv.step("a", ok("cas", List.of("ab", "c"), null))).isSameAs(Model.IMPOSSIBLE);
  }

  @Test
  void modelsRejectOperationsTheyDoNotHave() {
    assertThatThrownBy(() -> Model.kv().step("", ok("read", null, "")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("kv has no operation read");
    assertThatThrownBy(() -> Model.kv().step("", ok("put", 3L, 3L)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("strings");
    assertThat(Model.named("register")).isSameAs(Model.register());
    assertThat(Model.named("kv")).isSameAs(Model.kv());
    assertThat(Model.named("queue")).isNull();
  }
}
