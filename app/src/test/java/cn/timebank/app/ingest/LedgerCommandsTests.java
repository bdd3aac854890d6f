package cn.timebank.app.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import cn.timebank.app.support.CommandRun;
import cn.timebank.simulator.SimulationOptions;
import cn.timebank.simulator.Simulator;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ledger's commands from the command line, each run in its own application as a user runs them:
 * registry import, ingest (and again), receipt, balances, verify-ledger (and after an entry was
 * altered behind the ledger's back).
 */
class LedgerCommandsTests {

  private static final Pattern PACKAGE_ID = Pattern.compile("\"package_id\" : \"([^\"]+)\"");

  @TempDir Path dataDir;
  @TempDir Path world;

  private CommandRun commands;
  private String out = "";
  private String err = "";

  @BeforeEach
  void commands() {
    commands = new CommandRun(dataDir);
  }

  @Test
  void ingestsAPackageAndShowsItsReceiptBalancesAndSoundLedger() throws Exception {
    YearMonth period = YearMonth.now(ZoneId.of("Asia/Shanghai")).minusMonths(2);
    Simulator.run(new SimulationOptions(1, 60, 300, period, 7, world, false, 0, false));
    Path pkg = world.resolve("310109-001_" + period + "_1.zip");

    assertThat(run("registry", "import", world.resolve("registry.json").toString())).isZero();
    assertThat(run("ingest", pkg.toString())).isZero();
    String receipt = out;
    assertThat(receipt).contains("\"bank_code\" : \"310109-001\"", "\"status\" : \"");
    assertThat(receipt)
        .as("received_at to the second, as spec §5 shows it")
        .containsPattern("\"received_at\" : \"\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\+08:00\"");
    Matcher id = PACKAGE_ID.matcher(receipt);
    assertThat(id.find()).isTrue();

    assertThat(run("ingest", pkg.toString())).isZero();
    assertThat(out).as("an identical re-delivery answers the first receipt").isEqualTo(receipt);
    assertThat(run("receipt", id.group(1))).isZero();
    assertThat(out).isEqualTo(receipt);
    assertThat(run("receipt", "no-such-package")).isOne();
    assertThat(err).contains("no package with id 'no-such-package'");

    assertThat(run("balances", "310109-001")).isZero();
    List<String> rows = out.lines().toList();
    assertThat(rows.get(0)).isEqualTo("participant_ref,balance_minutes,balance_hours");
    assertThat(rows.subList(rows.size() - 4, rows.size()))
        .extracting(row -> row.split(",")[0])
        .containsExactly("#POOL", "#ISSUANCE", "#CLEARING", "#LIABILITY");
    assertThat(rows.subList(1, rows.size() - 4))
        .isNotEmpty()
        .allMatch(row -> row.matches("[^#,][^,]*,-?\\d+,-?\\d+\\.\\d{2}"));
    long sum =
        rows.subList(1, rows.size() - 1).stream()
            .mapToLong(row -> Long.parseLong(row.split(",")[1]))
            .sum();
    assertThat(sum).as("the bank's accounts sum to zero").isZero();

    assertThat(run("verify-ledger")).isZero();
    assertThat(out.lines().findFirst()).contains("OK");
    assertThat(out).contains("家银行的账本哈希链完整", "entries checked");
    assertThat(run("verify-ledger", "999999-001")).as("a bank not registered").isOne();
    assertThat(err).contains("bank 999999-001 is not registered");
    assertThat(out).doesNotContain("OK");

    alterTheFifthEntry();
    assertThat(run("verify-ledger", "310109-001")).isOne();
    assertThat(out).contains("BROKEN bank 310109-001 chain_seq 5 entry id");
    assertThat(out).contains("账本哈希链断开：银行 310109-001 第 5 条");
  }

  @Test
  void answersAMissingPackageWithExitCodeOne() {
    assertThat(run("ingest", dataDir.resolve("nothing.zip").toString())).isOne();
    assertThat(err).contains("no file or folder at");
  }

  /** Behind the ledger's back, as the database owner: the test-only way around the guard. */
  private void alterTheFifthEntry() throws Exception {
    try (Connection connection =
            DriverManager.getConnection(
                "jdbc:h2:file:" + dataDir.resolve("db/timebank"), "sa", "");
        Statement sql = connection.createStatement()) {
      sql.execute("drop trigger ledger_entries_no_change");
      sql.executeUpdate(
          "update ledger_entries set amount_minutes = amount_minutes + 1"
              + " where bank_code = '310109-001' and chain_seq = 5");
      sql.execute(
          "create trigger ledger_entries_no_change before update, delete on ledger_entries"
              + " for each row call 'cn.timebank.ledger.schema.AppendOnlyTrigger'");
    }
  }

  private int run(String... args) {
    int code = commands.run(args);
    out = commands.out();
    err = commands.err();
    return code;
  }
}
