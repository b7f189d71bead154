package faultline.protocols.kv;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The state machine: operations, and sessions that apply a retried command at most once. */
class KvStoreTest {
  private static ClientCommand command(int process, long sequence, KvOperation operation) {
    return new ClientCommand(process, sequence, operation);
  }

  @Test
  void operationsFollowTheirDefinitions() {
    KvStore store = new KvStore();
    assertThat(store.read("x")).isEmpty();
    store.apply(command(1, 1, new KvOperation("put", "x", "a", null)));
    store.apply(command(1, 2, new KvOperation("append", "x", "b", null)));
    assertThat(store.read("x")).isEqualTo("ab");

    KvStore.Outcome mismatch = store.apply(command(1, 3, new KvOperation("cas", "x", "c", "a")));
    assertThat(mismatch.status()).isEqualTo(ReplyStatus.CAS_MISMATCH);
    assertThat(mismatch.value()).isEqualTo("ab");
    KvStore.Outcome swapped = store.apply(command(1, 4, new KvOperation("cas", "x", "c", "ab")));
    assertThat(swapped.status()).isEqualTo(ReplyStatus.OK);
    assertThat(store.read("x")).isEqualTo("c");
  }

  @Test
  void aRetriedCommandIsAppliedAtMostOnce() {
    KvStore store = new KvStore();
    ClientCommand append = command(7, 1, new KvOperation("append", "x", "a", null));

    store.apply(append);
    KvStore.Outcome retried = store.apply(append);

    assertThat(store.read("x")).isEqualTo("a");
    assertThat(retried.status()).isEqualTo(ReplyStatus.OK);
    // Another process's command with the same number is a different command.
    store.apply(command(8, 1, new KvOperation("append", "x", "a", null)));
    assertThat(store.read("x")).isEqualTo("aa");
  }

  @Test
  void aRetryGetsTheOutcomeRememberedForItsProcessNotANewOne() {
    KvStore store = new KvStore();
    ClientCommand get = command(1, 1, new KvOperation("get", "x", null, null));
    store.apply(command(2, 1, new KvOperation("put", "x", "a", null)));

    KvStore.Outcome read = store.apply(get);
    store.apply(command(2, 2, new KvOperation("put", "x", "b", null)));
    KvStore.Outcome retried = store.apply(get);

    assertThat(read).isEqualTo(new KvStore.Outcome(1, ReplyStatus.OK, "a"));
    assertThat(retried).isEqualTo(read); // What the first copy read, though x now holds "b".
    // A session's next command replaces what it remembers; earlier outcomes stay as they were.
    KvStore.Outcome mismatch = store.apply(command(1, 2, new KvOperation("cas", "x", "z", "q")));
    assertThat(mismatch).isEqualTo(new KvStore.Outcome(2, ReplyStatus.CAS_MISMATCH, "b"));
    assertThat(store.apply(get)).isEqualTo(mismatch);
    assertThat(read).isEqualTo(new KvStore.Outcome(1, ReplyStatus.OK, "a"));
  }
}
