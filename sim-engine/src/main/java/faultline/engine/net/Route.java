package faultline.engine.net;

/**
 * What the network decided for one sent message: either a drop with its reason, or the arrival
 * times of one copy (or two, when the link duplicated it).
 */
public record Route(DropReason dropReason, long[] arrivalsNanos) {
  private static final long[] NONE = new long[0];

  static Route dropped(DropReason reason) {
    return new Route(reason, NONE);
  }

  static Route arriving(long... arrivalsNanos) {
    return new Route(null, arrivalsNanos);
  }

  public boolean isDropped() {
    return dropReason != null;
  }
}
