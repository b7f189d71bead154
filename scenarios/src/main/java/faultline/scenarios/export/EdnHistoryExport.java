package faultline.scenarios.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import faultline.engine.trace.TraceEvent;
import faultline.engine.trace.TraceHeader;
import faultline.scenarios.history.ClientHistorySink;
import java.io.IOException;
import java.io.Writer;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The clients' history as Jepsen writes {@code history.edn}, for Knossos and Elle: one operation
 * map per line, in real-time order,
 *
 * <pre>{:index 0, :time 2865091, :type :invoke, :process 1, :f :put, :value ["k0" "p1.1"]}</pre>
 *
 * <p>The operations are those of {@code run --history} (the same {@link
 * ClientHistorySink#operationOf}), field for field: {@code :index} counts from 0, {@code :time} is
 * true time in nanoseconds (Jepsen's relative time is nanoseconds too), {@code :type} and {@code
 * :f} are keywords. An operation on a key carries {@code :value [key value]}, the tuple of Jepsen's
 * {@code independent} checker, which checks each key as its own register; one without a key carries
 * its value as it is ({@code [expected new]} for a {@code cas}). Any other field keeps its name as
 * a keyword.
 */
public final class EdnHistoryExport implements RunExport {
  private static final Set<String> PLACED = Set.of("process", "type", "f", "key", "value", "time");

  private Writer out;
  private long index;
  private long invocations;

  @Override
  public void begin(TraceHeader header, Writer out) {
    this.out = out;
  }

  @Override
  public void accept(TraceEvent event) throws IOException {
    var operation = ClientHistorySink.operationOf(event);
    if (operation.isPresent()) {
      out.write(line(index++, operation.get()));
      out.write('\n');
      if ("invoke".equals(operation.get().path("type").asText())) {
        invocations++;
      }
    }
  }

  @Override
  public String finish() {
    if (index == 0) {
      return "Jepsen history (EDN), empty: " + RunExport.NO_CLIENTS;
    }
    return String.format(
        Locale.ROOT, "Jepsen history (EDN), %,d operations, %,d invoked", index, invocations);
  }

  /** One operation as Jepsen prints it. */
  static String line(long index, ObjectNode operation) {
    StringBuilder text = new StringBuilder("{:index ").append(index);
    text.append(", :time ").append(operation.path("time").asLong());
    text.append(", :type ").append(Edn.keyword(operation.path("type").asText()));
    text.append(", :process ");
    Edn.append(text, operation.get("process"));
    text.append(", :f ").append(Edn.keyword(operation.path("f").asText()));
    text.append(", :value ");
    JsonNode key = operation.get("key");
    if (key != null) {
      text.append('[');
      Edn.append(text, key);
      text.append(' ');
      Edn.append(text, operation.get("value"));
      text.append(']');
    } else {
      Edn.append(text, operation.get("value"));
    }
    for (Map.Entry<String, JsonNode> field : operation.properties()) {
      if (!PLACED.contains(field.getKey())) {
        text.append(", ").append(Edn.keyword(field.getKey())).append(' ');
        Edn.append(text, field.getValue());
      }
    }
    return text.append('}').toString();
  }
}
