package faultline.scenarios.model;

import com.fasterxml.jackson.databind.node.ObjectNode;
import faultline.engine.fault.ScheduledFault;
import faultline.engine.net.LinkPolicy;
import faultline.engine.node.NodeId;
import faultline.scenarios.parse.ParamReader;
import java.util.List;
import java.util.SortedMap;

/**
 * A loaded, validated scenario: everything a run needs besides the seed.
 *
 * @param name catalog name such as {@code clocks/lww-skew}, or the file name for a file
 * @param description what the scenario teaches, in prose
 * @param protocol the registered protocol binding that builds the nodes
 * @param nodes node names, sorted
 * @param params the protocol's parameters, read (and strictly checked) by its binding
 * @param network the default policy of every link
 * @param links per-link overrides from the start of the run
 * @param clocks initial clock offset and drift, per node that has one
 * @param faults the scripted faults, sorted by time (stable)
 * @param randomFaults faults to draw from the run's seed, or null for none
 * @param invariants names of the invariants to check; empty means all of the protocol's
 * @param run limits and stop policy
 * @param seed the default seed
 * @param expect what the author expects, checked by CI
 * @param narration the steps a lecture walks through; presentation only, never part of the run
 * @param source the scenario as JSON (comments gone), written into trace headers so that a trace
 *     can be replayed without the original file
 * @param origin where it came from, for messages: a path, or {@code bundled:clocks/lww-skew}
 */
public record Scenario(
    String name,
    String description,
    String protocol,
    List<NodeId> nodes,
    ParamReader params,
    LinkPolicy network,
    List<LinkOverride> links,
    SortedMap<NodeId, ClockSpec> clocks,
    List<ScheduledFault> faults,
    RandomFaults randomFaults,
    List<String> invariants,
    RunSpec run,
    long seed,
    Expectation expect,
    Narration narration,
    ObjectNode source,
    String origin) {

  /** The same scenario with its parameters read through {@code replacement} (a test's spy). */
  public Scenario withParams(ParamReader replacement) {
    return new Scenario(
        name,
        description,
        protocol,
        nodes,
        replacement,
        network,
        links,
        clocks,
        faults,
        randomFaults,
        invariants,
        run,
        seed,
        expect,
        narration,
        source,
        origin);
  }
}
