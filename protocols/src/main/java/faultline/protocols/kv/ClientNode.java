package faultline.protocols.kv;

import faultline.engine.node.Node;
import faultline.engine.node.NodeContext;
import faultline.engine.node.NodeId;
import faultline.protocols.history.HistoryEvent;
import faultline.protocols.kv.ClientTimer.ProcessDue;
import faultline.protocols.kv.ClientTimer.ScriptedOpDue;
import faultline.protocols.kv.KvMessage.ClientReply;
import faultline.protocols.kv.KvMessage.ClientRequest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A client node of a replicated key-value store, for any protocol whose servers speak {@link
 * KvMessage}: runs {@link ClientWorkload#processes()} client processes, each with at most one
 * operation outstanding (Raft §8). A process sends its request to the server it believes leads,
 * follows redirects, retries the same request id at the next server when an attempt times out, and
 * gives up after the operation timeout. Every step is a {@code client} trace event and a {@link
 * HistoryEvent}: invoke, then ok, fail (certainly not applied) or info (unknown). After an info the
 * process retires and a new process id takes its slot, as in Jepsen, because the lost operation may
 * still take effect at any later time. {@link HistoryCollector} gathers these histories for {@link
 * Linearizable}.
 */
public final class ClientNode implements Node<KvMessage, ClientTimer> {
  private static final String GENERATION_KEY = "client.generation";

  private final List<NodeId> servers;
  private final ClientWorkload workload;
  private final List<HistoryEvent> history = new ArrayList<>();
  private final List<HistoryEvent> historyView = Collections.unmodifiableList(history);
  private final List<Slot> slots = new ArrayList<>();
  private final Map<String, String> lastKnownValue = new TreeMap<>();
  private final Deque<KvOperation> scripted = new ArrayDeque<>();
  private final String[] keyNames; // "k0", "k1", ...: made once each, not once per operation.
  private NodeContext<KvMessage, ClientTimer> context; // Only during a handler call.
  private NodeId leaderGuess;

  /** One client process: its id, and the operation it has outstanding (null when idle). */
  private static final class Slot {
    int process;
    long sequence;
    KvOperation operation;
    long invokedAtNanos;
    int redirects;
    // The operation's argument and its trace view, made once at the invocation: a write's
    // completion shows the same argument again, and takes the same view.
    Object input;
    OperationView invoked;
  }

  /** The trace record of a client step. */
  public record ClientEvent(int process, String phase, OperationView op) {}

  /** An operation as the trace shows it; a cas value is {@code [expected, new]}. */
  public record OperationView(String f, String key, Object value) {}

  /**
   * A client of {@code servers} (sorted as the run sorts nodes) running its part of {@code
   * workload}.
   */
  public ClientNode(List<NodeId> servers, ClientWorkload workload) {
    this.servers = List.copyOf(servers);
    this.workload = workload;
    this.keyNames = new String[workload.keys()];
  }

  private String keyName(int key) {
    if (keyNames[key] == null) {
      keyNames[key] = "k" + key;
    }
    return keyNames[key];
  }

  /** The phase of a {@code client} trace event: the type's name in lower case. */
  private static String phaseName(HistoryEvent.Type type) {
    return switch (type) {
      case INVOKE -> "invoke";
      case OK -> "ok";
      case FAIL -> "fail";
      case INFO -> "info";
    };
  }

  /** The metric counting completions of {@code type}: {@code kv.} and its phase. */
  private static String counterName(HistoryEvent.Type type) {
    return switch (type) {
      case INVOKE -> "kv.invoke";
      case OK -> "kv.ok";
      case FAIL -> "kv.fail";
      case INFO -> "kv.info";
    };
  }

  @Override
  public void onStart(NodeContext<KvMessage, ClientTimer> context) {
    this.context = context;
    try {
      leaderGuess = servers.get(context.random().nextInt(servers.size()));
      for (int i = 0; i < workload.processes(); i++) {
        Slot slot = new Slot();
        slot.process = newProcessId();
        slots.add(slot);
        if (workload.script().isEmpty()) {
          context.setTimer(
              ProcessDue.of(i), context.random().nextLongBetween(0, workload.intervalMaxNanos()));
        }
      }
      armScript();
    } finally {
      this.context = null;
    }
  }

  private void armScript() {
    List<ClientWorkload.ScriptedOperation> script = workload.script();
    for (int i = 0; i < script.size(); i++) {
      ClientWorkload.ScriptedOperation operation = script.get(i);
      if (operation.client().equals(context.self())
          && operation.atNanos() >= context.monotonicNanos()) {
        context.setTimer(new ScriptedOpDue(i), operation.atNanos() - context.monotonicNanos());
      }
    }
  }

  /** A process id no client has used: the generation counter survives restarts on disk. */
  private int newProcessId() {
    long generation = context.storage().get(GENERATION_KEY, Long.class).orElse(0L);
    context.storage().put(GENERATION_KEY, generation + 1);
    context.storage().sync();
    int clientIndex = workload.clients().indexOf(context.self());
    return (int) (generation * workload.clients().size() + clientIndex);
  }

  @Override
  public void onMessage(
      NodeContext<KvMessage, ClientTimer> context, NodeId from, KvMessage message) {
    this.context = context;
    try {
      switch (message) {
        case ClientReply reply -> onReply(from, reply);
        case ClientRequest request -> {} // Clients serve no one.
      }
    } finally {
      this.context = null;
    }
  }

  @Override
  public void onTimer(NodeContext<KvMessage, ClientTimer> context, ClientTimer timer) {
    this.context = context;
    try {
      switch (timer) {
        case ProcessDue due -> onProcessDue(due.slot());
        case ScriptedOpDue due -> {
          scripted.add(workload.script().get(due.index()).operation());
          if (slots.getFirst().operation == null) {
            invoke(0, scripted.poll());
          }
        }
      }
    } finally {
      this.context = null;
    }
  }

  private void onProcessDue(int index) {
    Slot slot = slots.get(index);
    if (slot.operation == null) {
      if (context.monotonicNanos() <= workload.untilNanos()) {
        invoke(index, randomOperation(slot));
      }
      return;
    }
    if (context.monotonicNanos() - slot.invokedAtNanos >= workload.operationTimeoutNanos()) {
      giveUp(index);
      return;
    }
    leaderGuess = nextServer(leaderGuess); // No answer in time: try another server.
    send(index);
  }

  private KvOperation randomOperation(Slot slot) {
    String key = keyName(context.random().nextInt(workload.keys()));
    String f = workload.mix().pick(context.random().nextLong(workload.mix().total()));
    return switch (f) {
      case "get" -> KvOperation.get(key); // No value to write: none made (two in five draws).
      case "cas" -> KvOperation.cas(key, lastKnownValue.getOrDefault(key, ""), newValue(slot));
      default -> new KvOperation(f, key, newValue(slot), null);
    };
  }

  /** The value the slot's next write writes, unique to it: {@code p<process>.<sequence>}. */
  private static String newValue(Slot slot) {
    return "p" + slot.process + "." + (slot.sequence + 1);
  }

  private void invoke(int index, KvOperation operation) {
    Slot slot = slots.get(index);
    slot.sequence++;
    slot.operation = operation;
    slot.invokedAtNanos = context.monotonicNanos();
    slot.redirects = 0;
    slot.input = inputValue(operation);
    slot.invoked = new OperationView(operation.f(), operation.key(), slot.input);
    log(slot, HistoryEvent.Type.INVOKE, slot.input);
    send(index);
  }

  private void send(int index) {
    Slot slot = slots.get(index);
    context.send(leaderGuess, new ClientRequest(slot.process, slot.sequence, slot.operation));
    context.setTimer(ProcessDue.of(index), workload.attemptTimeoutNanos());
  }

  private void onReply(NodeId from, ClientReply reply) {
    int index = slotWaitingFor(reply.process(), reply.sequence());
    if (index < 0) {
      return; // A duplicate, or the answer to an attempt this process gave up on.
    }
    Slot slot = slots.get(index);
    KvOperation operation = slot.operation;
    switch (reply.status()) {
      case OK -> {
        leaderGuess = from;
        Object result = operation.readOnly() ? reply.value() : slot.input;
        if (!operation.f().equals("append")) {
          lastKnownValue.put(operation.key(), reply.value());
        }
        complete(index, HistoryEvent.Type.OK, result);
      }
      case CAS_MISMATCH -> {
        leaderGuess = from;
        lastKnownValue.put(operation.key(), reply.value());
        complete(index, HistoryEvent.Type.FAIL, slot.input);
      }
      case NOT_LEADER -> redirect(index, from, reply.leaderHint());
    }
  }

  private void redirect(int index, NodeId from, NodeId hint) {
    Slot slot = slots.get(index);
    if (hint != null && !hint.equals(from) && slot.redirects < servers.size()) {
      slot.redirects++;
      leaderGuess = hint;
      send(index);
      return;
    }
    // No leader known: wait for the attempt timer, then try the next server.
    leaderGuess = from;
  }

  private void giveUp(int index) {
    Slot slot = slots.get(index);
    KvOperation operation = slot.operation;
    if (operation.readOnly()) {
      complete(index, HistoryEvent.Type.FAIL, null); // A read that never returned changed nothing.
      return;
    }
    complete(index, HistoryEvent.Type.INFO, slot.input);
    slot.process = newProcessId(); // The lost write may still land: retire the process.
    slot.sequence = 0;
  }

  private void complete(int index, HistoryEvent.Type type, Object value) {
    Slot slot = slots.get(index);
    log(slot, type, value);
    context.count(counterName(type), 1);
    if (type == HistoryEvent.Type.OK) {
      context.recordMax("kv.latencyMaxNanos", context.monotonicNanos() - slot.invokedAtNanos);
    }
    slot.operation = null;
    slot.input = null;
    slot.invoked = null;
    if (index == 0 && !scripted.isEmpty()) {
      invoke(0, scripted.poll());
    } else if (workload.script().isEmpty()) {
      context.setTimer(
          ProcessDue.of(index),
          context
              .random()
              .nextLongBetween(workload.intervalMinNanos(), workload.intervalMaxNanos()));
    }
  }

  private int slotWaitingFor(int process, long sequence) {
    for (int i = 0; i < slots.size(); i++) {
      Slot slot = slots.get(i);
      if (slot.operation != null && slot.process == process && slot.sequence == sequence) {
        return i;
      }
    }
    return -1;
  }

  private NodeId nextServer(NodeId current) {
    return servers.get((servers.indexOf(current) + 1) % servers.size());
  }

  private static Object inputValue(KvOperation operation) {
    return switch (operation.f()) {
      case "get" -> null;
      case "cas" -> List.of(operation.expected(), operation.value());
      default -> operation.value();
    };
  }

  /** Records a step of the operation {@code slot} has outstanding, showing {@code value}. */
  private void log(Slot slot, HistoryEvent.Type type, Object value) {
    KvOperation operation = slot.operation;
    OperationView view =
        value == slot.input
            ? slot.invoked // The invocation's argument again (a write's completion): its view.
            : new OperationView(operation.f(), operation.key(), value);
    context.record("client", new ClientEvent(slot.process, phaseName(type), view));
    history.add(
        new HistoryEvent(
            slot.process, type, operation.f(), operation.key(), value, context.monotonicNanos()));
  }

  /** This life's history so far, in order (a restart starts a new node with an empty one). */
  public List<HistoryEvent> history() {
    return historyView; // One view for every read: the history collector reads it after each step.
  }
}
