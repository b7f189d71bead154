package faultline.protocols.history;

import java.util.Collection;
import java.util.Collections;
import java.util.List;

/** The string cell of {@link Model#kv()}: get, put, append, cas; initially the empty string. */
final class KeyValueModel implements Model {
  private static final List<String> FUNCTIONS = List.of("get", "put", "append", "cas");

  static final KeyValueModel INSTANCE = new KeyValueModel();

  private KeyValueModel() {}

  @Override
  public String name() {
    return "kv";
  }

  @Override
  public List<String> functions() {
    return FUNCTIONS;
  }

  @Override
  public Object initialState() {
    return "";
  }

  @Override
  public Object step(Object state, Operation operation) {
    return switch (operation.f()) {
      case "get" -> !operation.completed() || state.equals(operation.output()) ? state : IMPOSSIBLE;
      case "put" -> text(operation.input());
      case "append" -> (String) state + text(operation.input());
      case "cas" -> {
        List<?> swap = (List<?>) operation.input();
        yield state.equals(text(swap.get(0))) ? text(swap.get(1)) : IMPOSSIBLE;
      }
      default -> throw new IllegalArgumentException("kv has no operation " + operation.f());
    };
  }

  private static String text(Object value) {
    if (value instanceof String text) {
      return text;
    }
    throw new IllegalArgumentException("kv values are strings, got " + Values.describe(value));
  }

  @Override
  public boolean isReadOnly(Operation operation) {
    return operation.f().equals("get");
  }

  @Override
  public boolean isBlindWrite(Operation operation) {
    return operation.f().equals("put");
  }

  @Override
  public Collection<Object> statesWritten(Operation operation) {
    return switch (operation.f()) {
      case "put" -> Collections.singletonList(operation.input());
      case "cas" -> Collections.singletonList(((List<?>) operation.input()).get(1));
      case "get" -> Collections.emptyList();
      default -> null; // An append's result depends on whatever the state was.
    };
  }

  @Override
  public Collection<Object> statesObserved(Operation operation) {
    return switch (operation.f()) {
      case "get" ->
          operation.completed()
              ? Collections.singletonList(operation.output())
              : Collections.emptyList();
      case "put" -> Collections.emptyList();
      case "cas" -> Collections.singletonList(((List<?>) operation.input()).get(0));
      default -> null; // An append's result depends on whatever the state was.
    };
  }

  /** Appends only ever extend a string, so only its extensions lie ahead of it. */
  @Override
  public boolean mayReach(Object from, Object to) {
    return to instanceof String target
        && from instanceof String prefix
        && target.startsWith(prefix);
  }

  @Override
  public String toString() {
    return name();
  }
}
