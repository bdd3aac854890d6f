package cn.timebank.app.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import cn.timebank.app.TimebankApplication;
import cn.timebank.app.cli.CommandLauncher;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scoring commands through the launcher on a fresh H2 file database: the V100 migration and
 * Spring Batch's tables come up, the job runs (and runs again), the CSV commands answer.
 */
class ScoringCommandsTests {

  @TempDir Path dataDir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private PrintStream systemOut;
  private PrintStream systemErr;

  @BeforeEach
  void capture() {
    systemOut = System.out;
    systemErr = System.err;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restore() {
    System.setOut(systemOut);
    System.setErr(systemErr);
  }

  private int launch(String... args) {
    String[] withDataDir = new String[args.length + 2];
    System.arraycopy(args, 0, withDataDir, 0, args.length);
    withDataDir[args.length] = "--data-dir";
    withDataDir[args.length + 1] = dataDir.toString();
    return new CommandLauncher(TimebankApplication.class, System.out, System.err)
        .launch(withDataDir);
  }

  @Test
  void scoresAPeriodTwiceAndAnswersTheCsvCommands() {
    assertThat(launch("score", "--period", "2026-10")).isEqualTo(CommandLauncher.OK);
    assertThat(launch("score", "--period", "2026-10")).isEqualTo(CommandLauncher.OK);
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("scored 2026-10", "providerScores");

    assertThat(launch("ratings", "--period", "2026-10")).isEqualTo(CommandLauncher.OK);
    assertThat(launch("findings", "--period", "2026-10", "--bank", "310109-001"))
        .isEqualTo(CommandLauncher.OK);
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains(
            "bank,punctuality,completeness,accuracy,stability,plausibility,total,grade",
            "code,bank,participant_refs,record_refs,detail");
  }

  @Test
  void explainsThatAParticipantHasNoScoreYet() {
    assertThat(launch("explain", "310109-001", "P001")).isEqualTo(CommandLauncher.FAILED);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("no score stored for 310109-001:P001");
  }

  @Test
  void asksForThePeriod() {
    assertThat(launch("ratings")).isEqualTo(CommandLauncher.USAGE);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--period YYYY-MM is required");
  }
}
