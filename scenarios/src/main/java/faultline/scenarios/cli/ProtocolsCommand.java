package faultline.scenarios.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import faultline.scenarios.bind.Parameter;
import faultline.scenarios.bind.ProtocolBinding;
import faultline.scenarios.bind.Protocols;
import faultline.scenarios.catalog.Catalog;
import faultline.scenarios.parse.Messages;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "protocols",
    mixinStandardHelpOptions = true,
    description = {
      "List the protocols a scenario can name in \"protocol\", one line each.",
      "Given one protocol's name, show its parameters (name, type, default, meaning), its"
          + " invariants and its bundled scenarios."
    })
final class ProtocolsCommand implements Callable<Integer> {
  private static final int WIDTH = 100;
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @Spec CommandSpec spec;

  @Parameters(
      paramLabel = "<protocol>",
      arity = "0..1",
      description = "A protocol's name, such as raft; none lists them all.")
  String protocolName;

  @Option(names = "--json", description = "Print one JSON object instead of text.")
  boolean json;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    List<ProtocolBinding> shown = protocolName == null ? Protocols.all() : List.of(named());
    if (json) {
      out.println(json(shown));
    } else if (protocolName == null) {
      listing(out);
    } else {
      sheet(out, shown.getFirst());
    }
    out.flush();
    return ExitCodes.OK;
  }

  private ProtocolBinding named() {
    return Protocols.named(protocolName)
        .orElseThrow(
            () ->
                new UserError(
                    "no protocol named "
                        + Messages.quote(protocolName)
                        + Messages.didYouMean(protocolName, names())
                        + " (known: "
                        + String.join(", ", names())
                        + ")"));
  }

  private static List<String> names() {
    return Protocols.all().stream().map(ProtocolBinding::name).toList();
  }

  private static void listing(PrintWriter out) {
    int width = names().stream().mapToInt(String::length).max().orElse(0);
    for (ProtocolBinding binding : Protocols.all()) {
      out.printf("%-" + width + "s  %s%n", binding.name(), binding.summary());
    }
    out.println();
    out.println(
        "./faultline protocols <protocol> shows one's parameters, invariants and scenarios.");
  }

  private static void sheet(PrintWriter out, ProtocolBinding binding) {
    out.println(binding.name());
    out.println(Text.wrap(binding.summary(), WIDTH, "  "));
    out.println();
    List<Parameter> parameters = binding.parameters().all();
    if (parameters.isEmpty()) {
      out.println("parameters: none (\"params\" must be empty or left out)");
    } else {
      out.println("parameters (\"params\" in a scenario; any other field is an error):");
      int width =
          parameters.stream().mapToInt(parameter -> parameter.path().length()).max().orElse(0);
      for (Parameter parameter : parameters) {
        String head = parameter.typeText() + "; default " + defaultOf(parameter);
        out.println(hanging("  " + pad(parameter.path(), width) + "  ", head));
        out.println(Text.wrap(parameter.meaning(), WIDTH, " ".repeat(width + 4)));
      }
    }
    out.println();
    out.println("invariants (a scenario checks all of them unless it lists some):");
    int width = binding.invariants().keySet().stream().mapToInt(String::length).max().orElse(0);
    for (Map.Entry<String, String> invariant : binding.invariants().entrySet()) {
      out.println(hanging("  " + pad(invariant.getKey(), width) + "  ", invariant.getValue()));
    }
    printProperties(
        out, "sometimes (paths a sweep should reach at least once):", binding.sometimes());
    printProperties(
        out,
        "eventually (judged at the end, or after run.quietAfterFaults):",
        binding.eventually());
    out.println();
    List<String> scenarios = new Catalog(ScenarioArgument.loader()).namesOf(binding.name());
    out.println(
        hanging(
            "scenarios: ", scenarios.isEmpty() ? "none bundled" : String.join(", ", scenarios)));
  }

  private static void printProperties(
      PrintWriter out, String title, Map<String, String> properties) {
    if (properties.isEmpty()) {
      return;
    }
    out.println();
    out.println(title);
    int width = properties.keySet().stream().mapToInt(String::length).max().orElse(0);
    properties.forEach(
        (name, description) -> out.println(hanging("  " + pad(name, width) + "  ", description)));
  }

  /** {@code text} wrapped after {@code head}, its later lines indented as far as the first. */
  private static String hanging(String head, String text) {
    String wrapped = Text.wrap(text, WIDTH, " ".repeat(head.length()));
    return head + wrapped.substring(head.length());
  }

  private static String pad(String text, int width) {
    return text + " ".repeat(Math.max(0, width - text.length()));
  }

  private static void json(Parameter parameter, ObjectNode entry) {
    entry.put("name", parameter.path());
    entry.put("type", parameter.type().label());
    if (parameter.type() == Parameter.Type.INTEGER) {
      entry.put("min", parameter.min());
      entry.put("max", parameter.max());
    }
    if (!parameter.allowed().isEmpty()) {
      parameter.allowed().forEach(entry.putArray("values")::add);
    }
    boolean required = parameter.defaultKind() == Parameter.DefaultKind.REQUIRED;
    entry.put("required", required);
    if (required) {
      entry.putNull("default");
    } else {
      entry.put("default", parameter.defaultText());
    }
    entry.put("meaning", parameter.meaning());
  }

  private static String defaultOf(Parameter parameter) {
    return switch (parameter.defaultKind()) {
      case REQUIRED -> "none (required)";
      case FIXED, COMPUTED -> parameter.defaultText();
    };
  }

  private static String json(List<ProtocolBinding> bindings) {
    ObjectNode root = JSON.createObjectNode();
    ArrayNode protocols = root.putArray("protocols");
    Catalog catalog = new Catalog(ScenarioArgument.loader());
    for (ProtocolBinding binding : bindings) {
      ObjectNode protocol = protocols.addObject();
      protocol.put("name", binding.name());
      protocol.put("summary", binding.summary());
      ArrayNode parameters = protocol.putArray("parameters");
      binding.parameters().all().forEach(parameter -> json(parameter, parameters.addObject()));
      ObjectNode invariants = protocol.putObject("invariants");
      binding.invariants().forEach(invariants::put);
      binding.sometimes().forEach(protocol.putObject("sometimes")::put);
      binding.eventually().forEach(protocol.putObject("eventually")::put);
      catalog.namesOf(binding.name()).forEach(protocol.putArray("scenarios")::add);
    }
    try {
      return JSON.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
