package cn.timebank.app.support;

import cn.timebank.app.TimebankApplication;
import cn.timebank.app.cli.CommandLauncher;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Runs {@code ./timebank} commands in this JVM as a user runs them — each in its own application,
 * against one data directory — and keeps what they printed.
 */
public final class CommandRun {

  private final Path dataDir;
  private String out = "";
  private String err = "";

  public CommandRun(Path dataDir) {
    this.dataDir = dataDir;
  }

  /** Runs one command with {@code --data-dir}; returns its exit code. */
  public int run(String... args) {
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    PrintStream originalOut = System.out;
    PrintStream originalErr = System.err;
    PrintStream o = new PrintStream(stdout, true, StandardCharsets.UTF_8);
    PrintStream e = new PrintStream(stderr, true, StandardCharsets.UTF_8);
    System.setOut(o);
    System.setErr(e);
    try {
      String[] withDataDir =
          Stream.concat(Stream.of(args), Stream.of("--data-dir", dataDir.toString()))
              .toArray(String[]::new);
      return new CommandLauncher(TimebankApplication.class, o, e).launch(withDataDir);
    } finally {
      System.setOut(originalOut);
      System.setErr(originalErr);
      out = stdout.toString(StandardCharsets.UTF_8);
      err = stderr.toString(StandardCharsets.UTF_8);
    }
  }

  /** What the last command printed on standard output. */
  public String out() {
    return out;
  }

  /** What the last command printed on standard error. */
  public String err() {
    return err;
  }
}
