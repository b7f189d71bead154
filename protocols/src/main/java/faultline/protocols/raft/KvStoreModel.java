package faultline.protocols.raft;

import faultline.protocols.history.Model;
import faultline.protocols.history.Operation;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * The sequential specification of the Raft key-value store, one key at a time, for the
 * linearizability checker: {@code get} returns the string, {@code put} replaces it, {@code append}
 * adds to its end, and {@code cas} with value {@code [expected, new]} replaces it only when it
 * holds {@code expected} (an {@code ok} cas took effect; one that found another value is recorded
 * as {@code fail}). Initially the empty string. It is {@link Model#kv()} plus the register's cas,
 * because the store offers all four.
 */
public final class KvStoreModel implements Model {
  public static final KvStoreModel INSTANCE = new KvStoreModel();

  private KvStoreModel() {}

  @Override
  public String name() {
    return "raft-kv";
  }

  @Override
  public List<String> functions() {
    return List.of("get", "put", "append", "cas");
  }

  @Override
  public Object initialState() {
    return "";
  }

  @Override
  public Object step(Object state, Operation operation) {
    return switch (operation.f()) {
      case "get" -> !operation.completed() || state.equals(operation.output()) ? state : IMPOSSIBLE;
      case "put" -> operation.input();
      case "append" -> (String) state + operation.input();
      case "cas" -> state.equals(swap(operation).get(0)) ? swap(operation).get(1) : IMPOSSIBLE;
      default -> throw new IllegalArgumentException("the store has no operation " + operation.f());
    };
  }

  private static List<?> swap(Operation operation) {
    return (List<?>) operation.input();
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
      case "cas" -> Collections.singletonList(swap(operation).get(1));
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
      case "cas" -> Collections.singletonList(swap(operation).get(0));
      case "put" -> Collections.emptyList();
      default -> null; // An append's result depends on whatever the state was.
    };
  }

  @Override
  public String toString() {
    return name();
  }
}
