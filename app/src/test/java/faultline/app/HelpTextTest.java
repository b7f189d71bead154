package faultline.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import faultline.scenarios.cli.FaultlineCommand;
import faultline.scenarios.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * The help a newcomer reads first. The command list shows the first line of each command's
 * description, so that line must be a whole sentence; every other description or footer line is a
 * paragraph that picocli wraps itself (a line broken by hand, then wrapped again at 80 columns,
 * leaves a word alone on a line); nothing is wider than 80 columns.
 */
class HelpTextTest {
  private static final int WIDTH = 80;

  static Stream<CommandLine> commands() {
    List<CommandLine> all = new ArrayList<>();
    collect(FaultlineCommand.commandLine(), all);
    return all.stream();
  }

  private static void collect(CommandLine command, List<CommandLine> into) {
    into.add(command);
    command.getSubcommands().values().forEach(sub -> collect(sub, into));
  }

  /**
   * picocli passes every help line through {@link String#format}; a line it cannot format (a bare
   * {@code %}, as in "95% confidence") is printed raw after a "[picocli WARN]" line on every
   * --help.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("commands")
  void everyHelpLineIsAValidFormat(CommandLine command) {
    CommandLine.Model.CommandSpec spec = command.getCommandSpec();
    List<String> lines = new ArrayList<>(List.of(spec.usageMessage().description()));
    lines.addAll(List.of(spec.usageMessage().footer()));
    spec.options().forEach(option -> lines.addAll(List.of(option.description())));
    spec.positionalParameters()
        .forEach(parameter -> lines.addAll(List.of(parameter.description())));
    for (String line : lines) {
      assertThatCode(() -> String.format(line))
          .as("'%s' in %s (write %%%% for a percent sign)", line, command.getCommandName())
          .doesNotThrowAnyException();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("commands")
  void theFirstDescriptionLineIsAWholeSentence(CommandLine command) {
    String[] description = command.getCommandSpec().usageMessage().description();
    assertThat(description).isNotEmpty();
    assertThat(description[0]).endsWith(".");
    assertThat(description[0].length()).isLessThanOrEqualTo(WIDTH - 12);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("commands")
  void descriptionsAreParagraphsNotHandBrokenLines(CommandLine command) {
    CommandLine.Model.UsageMessageSpec usage = command.getCommandSpec().usageMessage();
    List<String> lines = new ArrayList<>(List.of(usage.description()));
    lines.addAll(List.of(usage.footer()));
    for (String text : lines) {
      String line = text.endsWith("%n") ? text.substring(0, text.length() - 2) : text;
      boolean example = line.startsWith("  ");
      boolean ends = line.isBlank() || line.matches("(?s).*[.:?!)]$");
      assertThat(example || ends)
          .as("'%s' in %s ends mid-sentence", line, command.getCommandName())
          .isTrue();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("commands")
  void theHelpFitsEightyColumns(CommandLine command) {
    String help = command.getUsageMessage();
    for (String line : help.lines().toList()) {
      assertThat(line.length())
          .as("a line of %s --help: %s", command.getCommandName(), line)
          .isLessThanOrEqualTo(WIDTH);
    }
  }

  /** Every command that writes to {@code --out} takes {@code -o} for it, as Unix tools do. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("commands")
  void everyOutOptionAlsoAnswersToDashO(CommandLine command) {
    CommandLine.Model.OptionSpec out = command.getCommandSpec().findOption("--out");
    if (out != null) {
      assertThat(out.names()).as(command.getCommandName()).containsExactly("-o", "--out");
    }
  }

  @Test
  void theTopLevelHelpShowsEachCommandsWholeFirstSentence() {
    StringWriter out = new StringWriter();
    int code = Main.execute(new PrintWriter(out), new PrintWriter(new StringWriter()), "--help");
    assertThat(code).isZero();
    // Wrapped to the terminal's width, a sentence may span lines: compare it with spaces folded.
    assertThat(out.toString().replaceAll("\\s+", " "))
        .contains("Check that a client history of reads and writes is linearizable.")
        .contains("Write the student edition: every solution replaced by its stub.")
        .contains("Draw a run as a picture, or convert it for another tool.");
    List<String> commandNames =
        out.toString().lines().dropWhile(line -> !line.equals("Commands:")).skip(1).toList();
    assertThat(commandNames.stream().filter(line -> line.matches("  \\w.*")).toList().getLast())
        .startsWith("  help");
  }
}
