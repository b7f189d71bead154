package faultline.engine.trace;

/**
 * The last line of a trace.
 *
 * @param events how many event lines the trace has
 * @param fingerprint version 2: the run's fingerprint; null in version 1
 * @param fileSha256 version 2: the SHA-256 of every byte before the end line; in version 1, the
 *     same hash, then called {@code traceSha256} (and also the run's identity)
 */
public record TraceEnd(long events, String fingerprint, String fileSha256) {}
