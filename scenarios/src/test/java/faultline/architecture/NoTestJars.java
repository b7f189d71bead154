package faultline.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import java.util.regex.Pattern;

/**
 * Leaves out test code that arrives as a test-jar (the protocols' test-only key-value protocol,
 * these rules themselves): it is test code too, though it comes as a jar rather than test classes,
 * which {@link ImportOption.DoNotIncludeTests} does not recognise.
 */
public final class NoTestJars implements ImportOption {
  private static final Pattern TEST_JAR = Pattern.compile(".*-tests\\.jar.*");

  @Override
  public boolean includes(Location location) {
    return !location.matches(TEST_JAR);
  }
}
