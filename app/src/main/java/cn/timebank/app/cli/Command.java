package cn.timebank.app.cli;

import java.util.List;

/**
 * One command of {@code ./timebank}. Each command is a Spring bean in the package of its feature;
 * the launcher finds it by {@link #name()}.
 */
public interface Command {

  /** The word that selects it: {@code ./timebank NAME ...}. */
  String name();

  /** One line for the usage listing. */
  String summary();

  /** The usage line after the command name, e.g. {@code "--out DIR [--seed X]"}. */
  String usage();

  /** The options it takes (besides the global {@code --data-dir}). */
  List<Option> options();

  /** Runs it; returns the process exit code (0 success, 1 the run failed). */
  int run(CommandLine commandLine) throws Exception;
}
