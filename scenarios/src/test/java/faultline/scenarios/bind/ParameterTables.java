package faultline.scenarios.bind;

import faultline.scenarios.bind.Parameter.DefaultKind;
import faultline.scenarios.bind.Parameter.Type;
import java.util.Objects;
import java.util.Optional;

/** Compares what a binding asked of its {@code params} with what its table declares. */
final class ParameterTables {
  private ParameterTables() {}

  /** What is wrong with this read, given the table; empty when it is as declared. */
  static Optional<String> compare(RecordingParamReader.Read read, Parameters table) {
    Optional<Parameter> declared = table.find(read.path());
    if (declared.isEmpty()) {
      return Optional.of(
          "reads params." + read.path() + ", which its Parameters table does not declare");
    }
    Parameter parameter = declared.get();
    if (read.type() == null) {
      return Optional.empty(); // Only asked whether the field is there.
    }
    if (read.type() != parameter.type()) {
      return problem(parameter, "is read as " + read.type().label());
    }
    if (parameter.type() == Type.INTEGER
        && (read.min() != parameter.min() || read.max() != parameter.max())) {
      return problem(parameter, "is read with limits " + read.min() + ".." + read.max());
    }
    if (!read.allowed().equals(parameter.allowed())) {
      return problem(parameter, "is read allowing " + read.allowed());
    }
    if (parameter.defaultKind() == DefaultKind.FIXED
        && hasDefault(parameter.type())
        && !Objects.equals(read.defaultValue(), parameter.fixedDefault())) {
      return problem(parameter, "is read with the default " + read.defaultValue());
    }
    return Optional.empty();
  }

  private static boolean hasDefault(Type type) {
    return switch (type) {
      case OBJECT, OBJECTS, NODE -> false;
      default -> true;
    };
  }

  private static Optional<String> problem(Parameter parameter, String what) {
    return Optional.of("params." + parameter.path() + " " + what + ", but declared " + parameter);
  }
}
