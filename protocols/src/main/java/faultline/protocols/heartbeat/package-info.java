/**
 * The classic heartbeat failure detectors that SWIM is compared with, on the same nodes, faults and
 * ground-truth checks ({@link faultline.protocols.membership}): every member sends a heartbeat to
 * every other each interval (all-to-all heartbeating), and judges each other member on its own,
 * either by a fixed timeout or by the phi accrual detector (Hayashibara, Défago, Yared and
 * Katayama, "The φ Accrual Failure Detector", SRDS 2004).
 */
package faultline.protocols.heartbeat;
