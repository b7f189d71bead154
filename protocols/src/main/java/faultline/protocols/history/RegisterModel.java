package faultline.protocols.history;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/** The register of {@link Model#register()}: read, write, cas; the state is the value itself. */
final class RegisterModel implements Model {
  private static final List<String> FUNCTIONS = List.of("read", "write", "cas");

  static final RegisterModel INSTANCE = new RegisterModel();

  private RegisterModel() {}

  @Override
  public String name() {
    return "register";
  }

  @Override
  public List<String> functions() {
    return FUNCTIONS;
  }

  @Override
  public Object initialState() {
    return null;
  }

  @Override
  public Object step(Object state, Operation operation) {
    return switch (operation.f()) {
      case "read" ->
          !operation.completed() || Objects.equals(state, operation.output()) ? state : IMPOSSIBLE;
      case "write" -> operation.input();
      case "cas" -> {
        List<?> swap = (List<?>) operation.input();
        yield Objects.equals(state, swap.get(0)) ? swap.get(1) : IMPOSSIBLE;
      }
      default -> throw new IllegalArgumentException("register has no operation " + operation.f());
    };
  }

  @Override
  public boolean isReadOnly(Operation operation) {
    return operation.f().equals("read");
  }

  @Override
  public boolean isBlindWrite(Operation operation) {
    return operation.f().equals("write");
  }

  @Override
  public Collection<Object> statesWritten(Operation operation) {
    return switch (operation.f()) {
      case "write" -> Collections.singletonList(operation.input());
      case "cas" -> Collections.singletonList(((List<?>) operation.input()).get(1));
      default -> Collections.emptyList();
    };
  }

  @Override
  public Collection<Object> statesObserved(Operation operation) {
    return switch (operation.f()) {
      case "read" ->
          operation.completed()
              ? Collections.singletonList(operation.output())
              : Collections.emptyList();
      case "cas" -> Collections.singletonList(((List<?>) operation.input()).get(0));
      default -> Collections.emptyList();
    };
  }

  @Override
  public String toString() {
    return name();
  }
}
