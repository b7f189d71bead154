package faultline.engine.trace;

/** {@link TraceSink#discard()}: keeps nothing, and does not even copy the line to drop it. */
final class DiscardingTraceSink implements TraceSink {
  static final DiscardingTraceSink INSTANCE = new DiscardingTraceSink();

  private DiscardingTraceSink() {}

  @Override
  public void accept(byte[] line) {}

  @Override
  public void accept(byte[] buffer, int offset, int length) {}
}
