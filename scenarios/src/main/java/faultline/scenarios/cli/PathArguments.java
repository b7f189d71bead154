package faultline.scenarios.cli;

import faultline.scenarios.parse.Messages;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import picocli.CommandLine;

/**
 * Paths from the command line. A path the platform cannot represent (a name with characters that
 * the locale's charset cannot encode, as under {@code LANG=C}, or a NUL) is the user's input, so it
 * is a usage error that says what to do, never an internal error.
 */
public final class PathArguments {
  private PathArguments() {}

  /** {@code text} as a path; {@code what} names the option or parameter in the error. */
  public static Path of(String what, String text) {
    try {
      return Path.of(text);
    } catch (InvalidPathException e) {
      throw new UserError(what + ": " + unusable(text));
    }
  }

  /** Picocli's converter for every {@code Path} option and parameter. */
  static final class Converter implements CommandLine.ITypeConverter<Path> {
    @Override
    public Path convert(String text) {
      try {
        return Path.of(text);
      } catch (InvalidPathException e) {
        throw new CommandLine.TypeConversionException(unusable(text));
      }
    }
  }

  /** The terminal that cannot take the name's characters in a path cannot show them either. */
  private static String asciiOnly(String text) {
    StringBuilder ascii = new StringBuilder();
    text.chars()
        .forEach(c -> ascii.append(c < 0x80 ? String.valueOf((char) c) : "\\u%04x".formatted(c)));
    return ascii.toString();
  }

  private static String unusable(String text) {
    if (text.indexOf('\0') >= 0) {
      return "the path " + Messages.quote(text) + " contains a NUL character";
    }
    String charset = System.getProperty("sun.jnu.encoding", "the system's");
    return "the path "
        + asciiOnly(Messages.quote(text))
        + " has characters that file names cannot hold under this locale's charset ("
        + charset
        + "); use a UTF-8 locale (for example LANG=C.UTF-8) or rename the file";
  }
}
