/**
 * What every failure detector in Faultline shares: a member's belief about the others ({@link
 * faultline.protocols.membership.MembershipNode}), and the checks that judge those beliefs against
 * the engine's ground truth (who is really up, paused, cut off or gone): completeness within a
 * bound, accuracy with every false positive attributed to its cause, detection and dissemination
 * times, and load. SWIM and the heartbeat detectors it is compared with are judged by the same
 * checks on the same faults.
 */
package faultline.protocols.membership;
