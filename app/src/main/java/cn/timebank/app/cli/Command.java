package cn.timebank.app.cli;

import java.util.List;
import java.util.Map;

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

  /** The most positional arguments it takes; one more is a usage error (exit 2). */
  default int maxArguments() {
    return Integer.MAX_VALUE;
  }

  /** The options it takes (besides the global {@code --data-dir}). */
  List<Option> options();

  /**
   * Runs it; returns the process exit code (0 success, 1 the run failed). A {@linkplain #web() web
   * command} returns once its server is up; the launcher then keeps it running until shutdown.
   */
  int run(CommandLine commandLine) throws Exception;

  /**
   * Whether it serves HTTP. The launcher starts every command in a non-web application (fast, no
   * port taken); for a web command it then starts a servlet web application instead, runs the
   * command there and blocks until the application is shut down (Ctrl-C, SIGTERM).
   */
  default boolean web() {
    return false;
  }

  /**
   * Spring properties its command line sets before a {@linkplain #web() web} application starts,
   * e.g. {@code server.port} from {@code --port}. Called after the command line was parsed, so a
   * bad value is a usage error before any port is taken.
   */
  default Map<String, String> webProperties(CommandLine commandLine) {
    return Map.of();
  }
}
