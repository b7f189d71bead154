package faultline.scenarios.bind;

import faultline.engine.node.NodeId;
import faultline.engine.random.Ratio;
import faultline.scenarios.bind.Parameter.Type;
import faultline.scenarios.parse.ParamReader;
import faultline.scenarios.parse.ScenarioException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A spy on a binding's reads: passes every call to the real reader and notes the field's path in
 * {@code params} ({@code clients.mix.get}, {@code clients.script[].at}), the type the binding read
 * it as, and the default and limits it passed, so that a test can compare them with the binding's
 * {@link Parameters} table.
 */
public final class RecordingParamReader implements ParamReader {
  /**
   * One question a binding asked. {@code type} is null for {@link #has}, which asks only whether
   * the field is there; {@code defaultValue} is what it passed as the default (null if none).
   */
  public record Read(
      String path, Type type, Object defaultValue, long min, long max, List<String> allowed) {}

  private final ParamReader delegate;
  private final String prefix;
  private final List<Read> reads;

  /** A spy on {@code delegate}, the top {@code params} object. */
  public RecordingParamReader(ParamReader delegate) {
    this(delegate, "", new ArrayList<>());
  }

  private RecordingParamReader(ParamReader delegate, String prefix, List<Read> reads) {
    this.delegate = delegate;
    this.prefix = prefix;
    this.reads = reads;
  }

  /** Every question asked of this object and the objects nested in it, in order. */
  public List<Read> reads() {
    return List.copyOf(reads);
  }

  private void note(String field, Type type, Object defaultValue) {
    note(field, type, defaultValue, 0, 0, List.of());
  }

  private void note(
      String field, Type type, Object defaultValue, long min, long max, List<String> allowed) {
    reads.add(new Read(prefix + field, type, defaultValue, min, max, List.copyOf(allowed)));
  }

  @Override
  public String path() {
    return delegate.path();
  }

  @Override
  public boolean has(String field) {
    note(field, null, null);
    return delegate.has(field);
  }

  @Override
  public String string(String field, String defaultValue) {
    note(field, Type.STRING, defaultValue);
    return delegate.string(field, defaultValue);
  }

  @Override
  public String choice(String field, String defaultValue, List<String> allowed) {
    note(field, Type.CHOICE, defaultValue, 0, 0, allowed);
    return delegate.choice(field, defaultValue, allowed);
  }

  @Override
  public List<String> strings(String field, List<String> allowed) {
    note(field, Type.CHOICES, List.of(), 0, 0, allowed);
    return delegate.strings(field, allowed);
  }

  @Override
  public long integer(String field, long defaultValue, long min, long max) {
    note(field, Type.INTEGER, defaultValue, min, max, List.of());
    return delegate.integer(field, defaultValue, min, max);
  }

  @Override
  public boolean bool(String field, boolean defaultValue) {
    note(field, Type.BOOLEAN, defaultValue);
    return delegate.bool(field, defaultValue);
  }

  @Override
  public long durationNanos(String field, long defaultNanos) {
    note(field, Type.DURATION, defaultNanos);
    return delegate.durationNanos(field, defaultNanos);
  }

  @Override
  public long signedDurationNanos(String field, long defaultNanos) {
    note(field, Type.DURATION, defaultNanos);
    return delegate.signedDurationNanos(field, defaultNanos);
  }

  @Override
  public Ratio probability(String field, Ratio defaultValue) {
    note(field, Type.PROBABILITY, defaultValue);
    return delegate.probability(field, defaultValue);
  }

  @Override
  public NodeId node(String field) {
    note(field, Type.NODE, null);
    return delegate.node(field);
  }

  @Override
  public Optional<NodeId> optionalNode(String field) {
    note(field, Type.NODE, null);
    return delegate.optionalNode(field);
  }

  @Override
  public List<NodeId> nodes(String field, List<NodeId> defaultValue) {
    note(field, Type.NODES, defaultValue);
    return delegate.nodes(field, defaultValue);
  }

  @Override
  public List<ParamReader> objects(String field) {
    note(field, Type.OBJECTS, null);
    List<ParamReader> spies = new ArrayList<>();
    for (ParamReader element : delegate.objects(field)) {
      spies.add(new RecordingParamReader(element, prefix + field + "[].", reads));
    }
    return List.copyOf(spies);
  }

  @Override
  public ParamReader object(String field) {
    note(field, Type.OBJECT, null);
    return new RecordingParamReader(delegate.object(field), prefix + field + ".", reads);
  }

  @Override
  public ScenarioException error(String field, String reason) {
    return delegate.error(field, reason);
  }

  @Override
  public void finish() {
    delegate.finish();
  }
}
