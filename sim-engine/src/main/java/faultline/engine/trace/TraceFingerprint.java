package faultline.engine.trace;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Recomputes a run's fingerprint from its trace as read: the header's scenario, seed and nodes,
 * then every event line's members in order, in the canonical encoding {@link TraceWriter} hashed
 * while the run was made. Works for format versions 1 and 2 alike (their event lines are the same
 * and the fingerprint leaves the header's version out), so a version 1 trace has a fingerprint too.
 */
public final class TraceFingerprint {
  private final CanonicalEncoder encoder = new CanonicalEncoder();

  public TraceFingerprint(TraceHeader header) {
    encoder.startObject();
    encoder.name("scenario");
    CanonicalValues.writeTree(encoder, header.scenario());
    encoder.name("seed");
    encoder.integer(header.seed());
    encoder.name("nodes");
    encoder.startArray();
    header.nodes().forEach(encoder::string);
    encoder.end();
    encoder.end();
  }

  /** Adds one event line, as read. */
  public void add(ObjectNode eventLine) {
    CanonicalValues.writeTree(encoder, eventLine);
  }

  /** How many bytes of canonical encoding the lines added so far came to, for measurements. */
  public long bytesEncoded() {
    return encoder.bytesEncoded();
  }

  /** The fingerprint of the header and every line added, as lowercase hex. */
  public String value() {
    return encoder.fingerprint();
  }
}
