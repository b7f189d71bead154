package faultline.scenarios.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the progress line says while a large scenario loads, and that it says nothing after. */
class LoadProgressTest {
  @Test
  void saysHowFarTheJsonAndThenTheFaultsHaveGot() {
    LoadProgress.reading(2048, 5_000_000, 20_000_000);
    assertThat(LoadProgress.describe()).isEqualTo(": reading the JSON, 25%");
    LoadProgress.reading(2049, 6_000_000, 20_000_000); // Between updates: unchanged.
    assertThat(LoadProgress.describe()).isEqualTo(": reading the JSON, 25%");
    LoadProgress.checkingFault(3072, 4096);
    assertThat(LoadProgress.describe()).isEqualTo(": checking 4096 faults, 75%");
    LoadProgress.done();
    assertThat(LoadProgress.describe()).isEmpty();
  }

  @Test
  void saysNothingOnceAScenarioWithFaultsHasLoaded() {
    StringBuilder faults = new StringBuilder();
    for (int i = 1; i <= 3000; i++) {
      faults.append(i == 1 ? "" : ",").append("{\"at\": \"").append(i).append("ms\", \"type\": ");
      faults.append(i % 2 == 1 ? "\"crash\", \"node\": \"n1\"}" : "\"restart\", \"node\": \"n1\"}");
    }
    Fixtures.loader()
        .load(
            "big.json",
            "big.json",
            "big",
            "{\"description\": \"d\", \"protocol\": \"clocks-register\", \"nodes\": [\"n1\", \"n2\"],"
                + " \"faults\": ["
                + faults
                + "], \"run\": {\"duration\": \"10s\"}}");
    assertThat(LoadProgress.describe()).isEmpty();
  }
}
