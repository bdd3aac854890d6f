package cn.timebank.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import cn.timebank.app.TimebankApplication;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandLauncherTests {

  @TempDir Path dataDir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int launch(String... args) {
    String[] withDataDir = new String[args.length + 2];
    System.arraycopy(args, 0, withDataDir, 0, args.length);
    withDataDir[args.length] = "--data-dir";
    withDataDir[args.length + 1] = dataDir.toString();
    return new CommandLauncher(
            TimebankApplication.class,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8))
        .launch(withDataDir);
  }

  @Test
  void listsTheCommandsOnHelp() {
    assertThat(launch("help")).isEqualTo(CommandLauncher.OK);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("simulate", "demo");
  }

  @Test
  void answersAnUnknownCommandWithUsageAndExitCodeTwo() {
    assertThat(launch("frobnicate")).isEqualTo(CommandLauncher.USAGE);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("unknown command 'frobnicate'")
        .doesNotContain("Exception");
  }

  @Test
  void answersABadOptionWithTheCommandsUsageAndNoStackTrace() {
    assertThat(launch("simulate", "--banks", "many")).isEqualTo(CommandLauncher.USAGE);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("--banks must be a whole number (was 'many')", "usage: ./timebank simulate")
        .doesNotContain("\tat ");
  }

  @Test
  void simulatesOnlyIntoAnEmptyOrNewDirectory(@TempDir Path out) throws Exception {
    java.nio.file.Files.writeString(out.resolve("truth.jsonl"), "{}\n");

    assertThat(launch("simulate", "--period", "2026-09", "--banks", "1", "--out", out.toString()))
        .isEqualTo(CommandLauncher.USAGE);

    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("--out " + out + " is not empty (it holds truth.jsonl)");
    assertThat(java.nio.file.Files.readString(out.resolve("truth.jsonl"))).isEqualTo("{}\n");
    try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(out)) {
      assertThat(files).hasSize(1);
    }
  }

  @Test
  void checksTheServePortBeforeAnyServerStarts() {
    assertThat(launch("serve", "--port", "70000")).isEqualTo(CommandLauncher.USAGE);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("--port must be between 0 and 65535 (was 70000)", "usage: ./timebank serve");
  }

  @Test
  void answersAnArgumentTooManyWithTheCommandsUsageBeforeRunningIt() {
    assertThat(launch("ingest", "a.zip", "b.zip")).isEqualTo(CommandLauncher.USAGE);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("timebank ingest: unexpected argument 'b.zip'", "usage: ./timebank ingest PATH")
        .doesNotContain("no file or folder", "\tat ");
  }

  @Test
  void takesNoPositionalArgumentWhereTheUsageShowsNone() {
    assertThat(launch("score", "2026-10")).isEqualTo(CommandLauncher.USAGE);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("timebank score: unexpected argument '2026-10'");
  }
}
