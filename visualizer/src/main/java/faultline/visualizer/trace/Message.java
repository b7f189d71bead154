package faultline.visualizer.trace;

/**
 * One message: its send, and what became of it. Indices are event indices (seq - 1), -1 when the
 * thing did not happen in the trace.
 *
 * @param id the trace's message id
 * @param from sender lane
 * @param to receiver lane
 * @param type the message's class name ({@code msg})
 * @param sendIndex the send event
 * @param deliverIndex the first delivery
 * @param duplicateIndex the second delivery of a duplicated message
 * @param dropIndex the drop event
 * @param dropReason {@code loss}, {@code partition}, {@code blocked}, {@code node-down}, or null
 */
public record Message(
    long id,
    int from,
    int to,
    String type,
    int sendIndex,
    int deliverIndex,
    int duplicateIndex,
    int dropIndex,
    String dropReason) {

  Message withDeliver(int index) {
    if (deliverIndex < 0) {
      return new Message(id, from, to, type, sendIndex, index, -1, dropIndex, dropReason);
    }
    return new Message(id, from, to, type, sendIndex, deliverIndex, index, dropIndex, dropReason);
  }

  Message withDrop(int index, String reason) {
    return new Message(id, from, to, type, sendIndex, deliverIndex, duplicateIndex, index, reason);
  }

  public boolean delivered() {
    return deliverIndex >= 0;
  }

  public boolean dropped() {
    return dropIndex >= 0;
  }

  public boolean duplicated() {
    return duplicateIndex >= 0;
  }

  /** Still travelling when the trace ended. */
  public boolean inFlight() {
    return deliverIndex < 0 && dropIndex < 0;
  }
}
