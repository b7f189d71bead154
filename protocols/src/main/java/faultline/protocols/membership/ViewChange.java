package faultline.protocols.membership;

import faultline.engine.node.NodeId;

/**
 * One change of a member's belief about {@code member}, made by one handler: from {@code before} at
 * {@code incarnationBefore} to {@code after} at {@code incarnation}. {@code source} is the member
 * whose message caused it (for a SWIM suspicion, the suspecter), or the believer itself when its
 * own timer or probe did.
 */
public record ViewChange(
    NodeId member,
    MemberStatus before,
    long incarnationBefore,
    MemberStatus after,
    long incarnation,
    NodeId source) {

  /** The trace record of a change: {@code {"member","status","incarnation","source"}}. */
  public Record traceRecord() {
    return new Record(member, after.label(), incarnation, source);
  }

  /** What {@code context.record("member", ...)} writes for a change. */
  public record Record(NodeId member, String status, long incarnation, NodeId source) {}
}
