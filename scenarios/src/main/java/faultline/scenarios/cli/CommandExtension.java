package faultline.scenarios.cli;

import picocli.CommandLine;

/**
 * Lets a module above this one add commands to {@code ./faultline} without this module depending on
 * it: the visualizer adds {@code viz} and {@code export}, the exercises add {@code grade} and
 * {@code handout}. Implementations are found with {@link java.util.ServiceLoader} (list them in
 * {@code META-INF/services/faultline.scenarios.cli.CommandExtension}), and added in the order of
 * their names, so the help text is the same on every machine.
 */
public interface CommandExtension {
  /** A stable name, used to order extensions. */
  String name();

  /** Adds this extension's subcommands to the root command. */
  void register(CommandLine root);
}
