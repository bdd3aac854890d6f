package cn.timebank.app.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.MapPropertySource;

/**
 * Starts the application for one command and runs it. The command line is checked before the
 * context starts where possible; any failure ends with a one-line message and an exit code, never a
 * stack trace on the console (details go to the log file under the data directory).
 *
 * <p>Every command starts in a non-web application. A command that declares {@link Command#web()}
 * (e.g. {@code serve}) has its command line checked there, then runs in a servlet web application
 * of its own, and the launcher blocks until that one is shut down.
 *
 * <p>Exit codes: 0 done, 1 the run failed, 2 the command line is wrong.
 */
public final class CommandLauncher {

  public static final int OK = 0;
  public static final int FAILED = 1;
  public static final int USAGE = 2;

  private final Class<?> application;
  private final PrintStream out;
  private final PrintStream err;

  public CommandLauncher(Class<?> application) {
    this(application, System.out, System.err);
  }

  public CommandLauncher(Class<?> application, PrintStream out, PrintStream err) {
    this.application = application;
    this.out = out;
    this.err = err;
  }

  public int launch(String[] args) {
    String name = args.length == 0 || args[0].equals("--help") ? "help" : args[0];
    List<String> rest = args.length == 0 ? List.of() : Arrays.asList(args).subList(1, args.length);
    Path dataDir = dataDir(rest);
    WebLaunch web;
    try (ConfigurableApplicationContext context =
        start(WebApplicationType.NONE, dataDir, rest, Map.of())) {
      Map<String, Command> commands = context.getBeansOfType(Command.class);
      if (name.equals("help")) {
        usage(commands.values().stream().toList());
        return args.length == 0 ? USAGE : OK;
      }
      Optional<Command> command = find(context, name);
      if (command.isEmpty()) {
        err.println("timebank: unknown command '" + name + "'");
        usage(commands.values().stream().toList());
        return USAGE;
      }
      try {
        CommandLine line = CommandLine.parse(name, command.get().options(), rest);
        int max = command.get().maxArguments();
        if (line.positional().size() > max) {
          throw new UsageException("unexpected argument '" + line.positional().get(max) + "'");
        }
        if (!command.get().web()) {
          return command.get().run(line);
        }
        web = new WebLaunch(line, command.get().webProperties(line));
      } catch (UsageException e) {
        err.println("timebank " + name + ": " + e.getMessage());
        err.println("usage: ./timebank " + name + " " + command.get().usage());
        for (Option option : command.get().options()) {
          err.printf("  --%-22s %s%n", option.name(), option.description());
        }
        return USAGE;
      }
    } catch (Exception e) {
      return failed(name, dataDir, e);
    }
    return serve(web, dataDir, rest);
  }

  /**
   * Runs a web command in a servlet web application and blocks until that application is closed (by
   * its shutdown hook on Ctrl-C or SIGTERM, or when this thread is interrupted).
   */
  private int serve(WebLaunch web, Path dataDir, List<String> rest) {
    String name = web.line().command();
    try (ConfigurableApplicationContext context =
        start(WebApplicationType.SERVLET, dataDir, rest, web.properties())) {
      int code = find(context, name).orElseThrow().run(web.line());
      if (code == OK) {
        awaitClose(context);
      }
      return code;
    } catch (Exception e) {
      return failed(name, dataDir, e);
    }
  }

  private static void awaitClose(ConfigurableApplicationContext context) {
    CountDownLatch closed = new CountDownLatch(1);
    context.addApplicationListener(
        event -> {
          if (event instanceof ContextClosedEvent) {
            closed.countDown();
          }
        });
    if (!context.isActive()) {
      return;
    }
    try {
      closed.await();
    } catch (InterruptedException e) {
      // Close here, while the thread is not marked interrupted (the exception cleared it): a close
      // on an interrupted thread stops at the first wait and leaves the live path running.
      context.close();
      Thread.currentThread().interrupt();
    }
  }

  private static Optional<Command> find(ConfigurableApplicationContext context, String name) {
    return context.getBeansOfType(Command.class).values().stream()
        .filter(c -> c.name().equals(name))
        .findFirst();
  }

  private int failed(String name, Path dataDir, Exception e) {
    org.slf4j.LoggerFactory.getLogger(CommandLauncher.class).error("command {} failed", name, e);
    err.println("timebank " + name + ": failed: " + rootMessage(e));
    err.println("(details in " + dataDir.resolve("logs/timebank.log") + ")");
    return FAILED;
  }

  private ConfigurableApplicationContext start(
      WebApplicationType type, Path dataDir, List<String> rest, Map<String, String> properties) {
    String[] springArgs =
        rest.stream()
            .filter(a -> a.startsWith("--") && a.contains(".") && a.contains("="))
            .toArray(String[]::new);
    Map<String, Object> commandProperties = Map.copyOf(properties);
    return new SpringApplicationBuilder(application)
        .web(type)
        .bannerMode(Banner.Mode.OFF)
        .logStartupInfo(false)
        .properties("timebank.data-dir=" + dataDir.toAbsolutePath())
        .initializers(
            context ->
                context
                    .getEnvironment()
                    .getPropertySources()
                    .addFirst(new MapPropertySource("timebank-command", commandProperties)))
        .run(springArgs);
  }

  /** A web command, its command line checked, waiting for its servlet application. */
  private record WebLaunch(CommandLine line, Map<String, String> properties) {}

  static Path dataDir(List<String> args) {
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (arg.startsWith("--data-dir=")) {
        return Path.of(arg.substring("--data-dir=".length()));
      }
      if (arg.equals("--data-dir") && i + 1 < args.size()) {
        return Path.of(args.get(i + 1));
      }
    }
    return Path.of("data");
  }

  private void usage(List<Command> commands) {
    err.println("usage: ./timebank COMMAND [options] [--data-dir DIR]");
    err.println(
        "Every command takes --data-dir DIR (default ./data). Start with './timebank demo'.");
    err.println("commands:");
    commands.stream()
        .sorted(Comparator.comparing(Command::name))
        .forEach(c -> err.printf("  %-16s %s%n", c.name(), c.summary()));
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }
}
