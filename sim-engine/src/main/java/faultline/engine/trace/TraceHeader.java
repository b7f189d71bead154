package faultline.engine.trace;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The first line of a trace.
 *
 * @param version the format version the file was written in
 * @param scenario the resolved scenario, enough to run the same run again
 * @param seed the run's seed
 * @param nodes every node's name, in the run's order (one timeline lane each)
 */
public record TraceHeader(long version, ObjectNode scenario, long seed, List<String> nodes) {
  public TraceHeader {
    nodes = List.copyOf(nodes);
  }
}
