package faultline.exercises.cli;

import faultline.scenarios.cli.CommandExtension;
import picocli.CommandLine;

/** Adds {@code grade} and {@code handout} to {@code ./faultline}. */
public final class ExercisesCommands implements CommandExtension {
  @Override
  public String name() {
    return "exercises";
  }

  @Override
  public void register(CommandLine root) {
    CommandLine grade = new CommandLine(new GradeCommand());
    grade.getCommandSpec().usageMessage().footer("", GradeCommand.footer());
    root.addSubcommand("grade", grade);
    root.addSubcommand("handout", new CommandLine(new HandoutCommand()));
  }
}
