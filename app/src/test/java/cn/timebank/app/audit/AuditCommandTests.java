package cn.timebank.app.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.timebank.app.support.CommandRun;
import cn.timebank.simulator.SimulationOptions;
import cn.timebank.simulator.Simulator;
import cn.timebank.standards.registry.RegistryFile;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit trail from the command line, each command in its own application: registry import,
 * ingest and report are recorded with the OS user and host; {@code audit} lists them as CSV, by
 * bank, and exits 1 naming the event where the chain was altered behind the platform's back.
 */
class AuditCommandTests {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  @TempDir Path dataDir;
  @TempDir Path world;

  @Test
  void recordsTheCommandsAndListsThemWithAVerifiedChain() throws Exception {
    YearMonth period = YearMonth.now(SHANGHAI).minusMonths(2);
    Simulator.run(new SimulationOptions(2, 60, 120, period, 7, world, false, 0, false));
    CommandRun commands = new CommandRun(dataDir);
    String registry = world.resolve("registry.json").toString();
    String today = LocalDate.now(SHANGHAI).toString();

    assertThat(commands.run("registry", "import", registry)).isZero();
    assertThat(commands.out().lines()).isNotEmpty().allMatch(l -> l.startsWith("registered "));
    assertThat(commands.run("registry", "import", registry)).isZero();
    assertThat(commands.out().lines()).isNotEmpty().allMatch(l -> l.startsWith("unchanged "));
    assertThat(commands.run("ingest", world.resolve("310109-001_" + period + "_1.zip").toString()))
        .isZero();
    assertThat(
            commands.run(
                "report",
                "compliance",
                "--bank",
                "310109-001",
                "--period",
                period.toString(),
                "--format",
                "csv",
                "--out",
                dataDir.resolve("c.csv").toString()))
        .isZero();

    assertThat(commands.run("audit", "--since", today)).as(commands.err()).isZero();
    List<String> rows = commands.out().lines().toList();
    assertThat(rows.get(0)).isEqualTo("at,actor,origin,action,target,bank,detail,chain_hash");
    String user = System.getProperty("user.name");
    List<String> banks =
        RegistryFile.read(Path.of(registry)).stream().map(b -> b.bankCode().value()).toList();
    int n = banks.size();
    List<String> expected = new ArrayList<>();
    expected.addAll(Collections.nCopies(n, "REGISTRY_IMPORT"));
    expected.addAll(Collections.nCopies(n, "REGISTRY_CHANGE"));
    expected.add("UPLOAD");
    expected.add("REPORT_DOWNLOAD");
    assertThat(rows.subList(1, rows.size()))
        .extracting(row -> row.split(",")[3])
        .containsExactlyElementsOf(expected);
    assertThat(rows.subList(1, rows.size()))
        .allSatisfy(
            row -> {
              assertThat(row.split(",")[1]).isEqualTo(user);
              assertThat(row.split(",")[2]).startsWith("cli:" + user + "@");
              assertThat(row).matches(".*,[0-9a-f]{64}");
            });
    assertThat(rows.get(n + 1)).contains("imported again, nothing changed");
    assertThat(rows.get(2 * n + 1)).contains(",UPLOAD,310109-001_" + period + "_1_", "status ");
    assertThat(rows.get(2 * n + 2))
        .contains(",REPORT_DOWNLOAD,compliance,310109-001,", "format csv", "period " + period);

    String other = banks.stream().filter(b -> !b.equals("310109-001")).findFirst().orElseThrow();
    assertThat(commands.run("audit", "--since", today + "T00:00", "--bank", other)).isZero();
    assertThat(commands.out().lines().skip(1))
        .hasSize(2)
        .allMatch(row -> row.contains("," + other + ","));
    assertThat(commands.run("audit", "--since", "2099-01-01")).isZero();
    assertThat(commands.out().lines()).hasSize(1);

    alterTheThirdEvent();
    assertThat(commands.run("audit", "--since", today)).isOne();
    assertThat(commands.err()).contains("BROKEN at audit event seq 3: HASH broken");
  }

  @Test
  void answersAWrongSinceWithTheUsage() {
    CommandRun commands = new CommandRun(dataDir);
    assertThat(commands.run("audit", "--since", "yesterday")).isEqualTo(2);
    assertThat(commands.err()).contains("--since 'yesterday' is not YYYY-MM-DD");
    assertThat(commands.run("audit")).isEqualTo(2);
  }

  /** Behind the platform's back, as the database owner: the test-only way around the guard. */
  private void alterTheThirdEvent() throws Exception {
    try (Connection connection =
            DriverManager.getConnection(
                "jdbc:h2:file:" + dataDir.resolve("db/timebank"), "sa", "");
        Statement sql = connection.createStatement()) {
      sql.execute("drop trigger audit_events_no_change");
      sql.executeUpdate("update audit_events set actor = 'mallory' where seq = 3");
    }
  }
}
