package faultline.protocols.paxos.check;

/** How the checkers quote a value in a message. */
final class Values {
  private Values() {}

  static String describe(Object value) {
    return value instanceof String text ? "\"" + text + "\"" : String.valueOf(value);
  }
}
