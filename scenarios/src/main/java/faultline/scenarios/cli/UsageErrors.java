package faultline.scenarios.cli;

import faultline.scenarios.parse.Messages;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Turns picocli's parse errors into one line a newcomer understands: "unknown command 'rnu'; did
 * you mean 'run'?" rather than "Unmatched arguments", "'x' is not an integer" rather than "is not a
 * long". Everything else keeps picocli's wording, which already names the option.
 */
final class UsageErrors {
  private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]+");
  private static final int QUOTE_LENGTH_MAX = 60;

  private UsageErrors() {}

  /** The message for {@code e}, without the "faultline:" prefix. */
  static String message(ParameterException e) {
    CommandSpec command = e.getCommandLine().getCommandSpec();
    String where = command.parent() == null ? "" : commandPath(command) + ": ";
    if (e instanceof UnmatchedArgumentException unmatched) {
      return where + unmatched(command, unmatched);
    }
    if (e instanceof CommandLine.MissingParameterException missing) {
      return where + missing(missing);
    }
    ArgSpec arg = e.getArgSpec();
    if (arg != null && e.getValue() != null && isInteger(arg.type())) {
      return where + name(arg) + ": " + notAnInteger(e.getValue(), arg.type());
    }
    if (arg != null && e.getCause() instanceof CommandLine.TypeConversionException conversion) {
      return where + name(arg) + ": " + conversion.getMessage();
    }
    return where + e.getMessage();
  }

  private static String unmatched(CommandSpec command, UnmatchedArgumentException e) {
    List<String> given = e.getUnmatched();
    String first = given.isEmpty() ? "" : given.getFirst();
    if (first.startsWith("-")) {
      String option = first.contains("=") ? first.substring(0, first.indexOf('=')) : first;
      return "unknown option " + quote(option) + suggestion(option, optionNames(command));
    }
    if (!command.subcommands().isEmpty() && command.positionalParameters().isEmpty()) {
      List<String> commands = new ArrayList<>(command.subcommands().keySet());
      return "unknown command " + quote(first) + suggestion(first, commands);
    }
    return "unexpected argument " + quote(first);
  }

  private static String missing(CommandLine.MissingParameterException e) {
    List<String> names = new ArrayList<>();
    for (ArgSpec arg : e.getMissing()) {
      names.add(arg.isOption() ? name(arg) + " " + arg.paramLabel() : arg.paramLabel());
    }
    String what = String.join(" and ", names);
    if (e.getMissing().size() == 1 && e.getMessage().contains("for option")) {
      return name(e.getMissing().getFirst()) + " needs a value (" + what + ")";
    }
    return "missing " + what + tailOf(e.getMissing());
  }

  /** " (description)" for one missing positional parameter, which says what is expected. */
  private static String tailOf(List<ArgSpec> missing) {
    if (missing.size() != 1 || missing.getFirst().isOption()) {
      return "";
    }
    String[] description = missing.getFirst().description();
    return description.length == 0 ? "" : ": " + description[0];
  }

  private static String notAnInteger(String value, Class<?> type) {
    boolean isLong = type == long.class || type == Long.class;
    BigInteger limit = BigInteger.valueOf(isLong ? Long.MAX_VALUE : Integer.MAX_VALUE);
    if (INTEGER.matcher(value).matches()) {
      return quote(value)
          + " is out of range: at most "
          + limit
          + " and at least "
          + limit.negate().subtract(BigInteger.ONE);
    }
    return quote(value) + " is not a whole number";
  }

  private static boolean isInteger(Class<?> type) {
    return type == long.class || type == Long.class || type == int.class || type == Integer.class;
  }

  private static String suggestion(String given, List<String> candidates) {
    Optional<String> closest = Messages.closest(given, candidates);
    return closest.map(name -> "; did you mean " + quote(name) + "?").orElse("");
  }

  private static List<String> optionNames(CommandSpec command) {
    List<String> names = new ArrayList<>();
    for (OptionSpec option : command.options()) {
      names.addAll(List.of(option.names()));
    }
    return names;
  }

  private static String name(ArgSpec arg) {
    return arg instanceof OptionSpec option ? option.longestName() : arg.paramLabel();
  }

  private static String commandPath(CommandSpec command) {
    String qualified = command.qualifiedName(" ");
    int space = qualified.indexOf(' ');
    return space < 0 ? qualified : qualified.substring(space + 1);
  }

  private static String quote(String text) {
    String line = Messages.oneLine(text);
    return "'"
        + (line.length() > QUOTE_LENGTH_MAX ? line.substring(0, QUOTE_LENGTH_MAX) + "…" : line)
        + "'";
  }
}
