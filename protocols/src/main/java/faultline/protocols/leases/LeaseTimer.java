package faultline.protocols.leases;

import faultline.engine.node.TimerTag;

/** A candidate's deadlines. */
public enum LeaseTimer implements TimerTag {
  /** Time to ask the lock service for the leader lease (again). */
  CAMPAIGN_DUE,
  /** Time for the leader to renew its lease. */
  RENEW_DUE,
  /** Time for the leader's next piece of leader-only work. */
  WORK_DUE,
  /** The leader's own clock says its lease is over. */
  LEASE_END
}
