package faultline.protocols.raft;

/** A server's role (Figure 2), plus the pre-candidate of the PreVote extension (§9.6 of Ongaro). */
public enum Role {
  FOLLOWER,
  PRE_CANDIDATE,
  CANDIDATE,
  LEADER
}
