package faultline.engine.trace;

/** {@link TraceSink#discard()}: keeps nothing, so the run encodes no line at all. */
final class DiscardingTraceSink implements TraceSink {
  static final DiscardingTraceSink INSTANCE = new DiscardingTraceSink();

  private DiscardingTraceSink() {}

  @Override
  public boolean keepsLines() {
    return false;
  }

  @Override
  public void accept(byte[] line) {}

  @Override
  public void accept(byte[] buffer, int offset, int length) {}
}
