package faultline.scenarios.parse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reading a user's input file whole, with a size limit, and one plain reason for every way reading
 * or writing a file can fail ("no such file", "permission denied", "is a directory"), instead of an
 * exception's class name or a bare path.
 */
public final class InputFiles {
  private static final long MIB = 1024 * 1024;

  private InputFiles() {}

  /**
   * The text of {@code path}, which must be UTF-8 and at most {@code bytesMax} bytes long; any
   * failure is a {@link ScenarioException} naming {@code displayFile}. The size is checked before
   * reading, so a huge file (or {@code /dev/zero}) costs no memory.
   */
  public static String readText(Path path, String displayFile, long bytesMax) {
    if (Files.isDirectory(path)) {
      throw new ScenarioException(displayFile, 0, 0, "", "is a folder, not a file");
    }
    try (InputStream in = Files.newInputStream(path)) {
      byte[] bytes = in.readNBytes((int) Math.min(bytesMax + 1, Integer.MAX_VALUE - 8));
      if (bytes.length > bytesMax) {
        throw new ScenarioException(
            displayFile, 0, 0, "", "the file is larger than " + size(bytesMax) + ", the limit");
      }
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new ScenarioException(displayFile, 0, 0, "", "the file is not UTF-8 text");
    } catch (NoSuchFileException e) {
      throw new ScenarioException(displayFile, 0, 0, "", "no such file");
    } catch (IOException e) {
      throw new ScenarioException(displayFile, 0, 0, "", "cannot read it: " + reason(e));
    }
  }

  /** A size for messages: {@code 64 MiB}, {@code 512 KiB}, {@code 100 bytes}. */
  public static String size(long bytes) {
    if (bytes >= MIB && bytes % MIB == 0) {
      return bytes / MIB + " MiB";
    }
    if (bytes >= 1024 && bytes % 1024 == 0) {
      return bytes / 1024 + " KiB";
    }
    return bytes + " bytes";
  }

  /**
   * Why a file operation failed, in a few plain words: {@code no such file}, {@code permission
   * denied}, {@code is a folder}, the operating system's own reason where it gives one.
   */
  public static String reason(IOException e) {
    return switch (e) {
      case NoSuchFileException missing -> "no such file";
      case AccessDeniedException denied -> "permission denied";
      case NotDirectoryException notFolder -> "a part of the path is not a folder";
      case DirectoryNotEmptyException notEmpty -> "the folder is not empty";
      case FileAlreadyExistsException exists -> "it already exists";
      case CharacterCodingException coding -> "it is not UTF-8 text";
      case FileSystemException other when other.getReason() != null ->
          lowerFirst(Messages.oneLine(other.getReason()));
      default -> e.getMessage() == null ? e.getClass().getSimpleName() : plain(e.getMessage());
    };
  }

  private static String plain(String message) {
    return lowerFirst(Messages.oneLine(message));
  }

  private static String lowerFirst(String text) {
    if (text.isEmpty() || text.length() > 1 && Character.isUpperCase(text.charAt(1))) {
      return text; // An acronym, like "EIO", stays as it is.
    }
    return text.substring(0, 1).toLowerCase(Locale.ROOT) + text.substring(1);
  }
}
