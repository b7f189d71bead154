package faultline.exercises.course;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The roster's cells follow RFC 4180, so a spreadsheet reads a reason with a comma as one cell. */
class RosterTest {
  @Test
  void cellsAreQuotedOnlyWhenTheyMustBe() {
    assertThat(Roster.quoted("alice")).isEqualTo("alice");
    assertThat(Roster.quoted("a, b")).isEqualTo("\"a, b\"");
    assertThat(Roster.quoted("say \"no\"")).isEqualTo("\"say \"\"no\"\"\"");
    assertThat(Roster.quoted("two\nlines")).isEqualTo("two lines");
  }
}
