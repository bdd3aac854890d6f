package cn.timebank.ingestion.batch;

import static org.assertj.core.api.Assertions.assertThat;

import cn.timebank.ingestion.Submissions;
import cn.timebank.ingestion.receipt.Receipt;
import cn.timebank.ingestion.receipt.ReceiptJson;
import cn.timebank.ingestion.support.IngestionTestApplication;
import cn.timebank.ingestion.support.SimulatedWorld;
import cn.timebank.ingestion.support.TestDatabase;
import cn.timebank.ledger.registry.RegistryImport;
import cn.timebank.standards.registry.RegistryFile;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * No raw resident identity number anywhere: the simulated world (good and broken packages) is
 * ingested into PostgreSQL (a fresh schema) and into H2, with the application's logging at DEBUG
 * into a log file; then every text of every row of every table (JDBC metadata, so nothing is
 * forgotten), {@code pg_dump} of the schema where the tool exists, H2's {@code SCRIPT}, the log
 * file and every receipt written out as JSON (its rejected lines included) are searched for every
 * identity number the simulator wrote into the participants files — valid ones and the broken ones
 * of the R108/R109 faults alike. The archive is left out: it is the delivery itself, kept as
 * received (spec §5).
 */
class RawIdentityNumberScanIntegrationTests {

  @TempDir Path work;

  @Test
  void noRawIdentityNumberInTheDatabasesTheLogsOrTheReceipts() throws Exception {
    List<String> numbers = SimulatedWorld.idNumbers();
    assertThat(numbers).hasSizeGreaterThan(100);
    Path log = work.resolve("logs/timebank.log");
    List<Path> outputs = new ArrayList<>();

    try (TestDatabase postgres = TestDatabase.postgres()) {
      outputs.addAll(ingestAndDump("postgres", postgres.url(), postgres.user(), log));
      Path pgDump = pgDump(postgres.url());
      if (pgDump != null) {
        outputs.add(pgDump);
      }
    }
    outputs.addAll(
        ingestAndDump("h2", "jdbc:h2:mem:rawid;DB_CLOSE_DELAY=-1;QUERY_CACHE_SIZE=200", "sa", log));

    outputs.add(log);
    assertThat(Files.readString(log)).contains("apply chunk", "DEBUG");
    for (Path output : outputs) {
      String text = Files.readString(output, StandardCharsets.UTF_8);
      assertThat(text).as(output.toString()).isNotBlank();
      List<String> found = numbers.stream().filter(text::contains).limit(5).toList();
      assertThat(found).as("raw identity numbers in %s", output).isEmpty();
    }
  }

  /** The world ingested into one database; its dump and the receipts as files. */
  private List<Path> ingestAndDump(String name, String url, String user, Path log)
      throws Exception {
    List<Path> files = new ArrayList<>();
    try (ConfigurableApplicationContext context =
        new SpringApplicationBuilder(IngestionTestApplication.class)
            .web(WebApplicationType.NONE)
            .properties(
                "spring.datasource.url=" + url,
                "spring.datasource.username=" + user,
                "timebank.ingestion.data-dir=" + work.resolve("data-" + name),
                "logging.file.name=" + log,
                "logging.level.cn.timebank=DEBUG",
                "logging.level.org.springframework.batch=DEBUG",
                "spring.jmx.enabled=false")
            .run()) {
      context
          .getBean(RegistryImport.class)
          .importBanks(RegistryFile.read(SimulatedWorld.registry()));
      Submissions submissions = context.getBean(Submissions.class);
      StringBuilder receipts = new StringBuilder();
      Stream.concat(SimulatedWorld.goodPackages().stream(), SimulatedWorld.badPackages().stream())
          .forEach(
              pkg -> {
                Receipt receipt = submissions.ingest(pkg);
                receipts.append(ReceiptJson.writePretty(receipt)).append('\n');
                String stored =
                    submissions.receipt(receipt.packageId()).map(ReceiptJson::write).orElseThrow();
                receipts.append(stored).append('\n');
              });
      Path receiptFile = work.resolve(name + "-receipts.json");
      Files.writeString(receiptFile, receipts);
      files.add(receiptFile);

      DataSource dataSource = context.getBean(DataSource.class);
      Path rows = work.resolve(name + "-rows.txt");
      long participants = everyText(dataSource, rows);
      assertThat(participants).as("participants stored in %s", name).isPositive();
      files.add(rows);
      if (name.equals("h2")) {
        Path script = work.resolve("h2-script.sql");
        Files.write(
            script,
            context.getBean(JdbcClient.class).sql("script").query(String.class).list(),
            StandardCharsets.UTF_8);
        assertThat(Files.readString(script)).contains("INSERT INTO \"PUBLIC\".\"PARTICIPANTS\"");
        files.add(script);
      }
    }
    return files;
  }

  /**
   * Every value of every column of every table of the connection's schema, as text, one row a line;
   * returns the number of participants rows.
   */
  private static long everyText(DataSource dataSource, Path target)
      throws SQLException, IOException {
    long participants = -1;
    try (Connection connection = dataSource.getConnection();
        var out = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
      DatabaseMetaData meta = connection.getMetaData();
      List<String> tables = new ArrayList<>();
      try (ResultSet rs =
          meta.getTables(null, connection.getSchema(), "%", new String[] {"TABLE"})) {
        while (rs.next()) {
          tables.add(rs.getString("TABLE_NAME"));
        }
      }
      assertThat(tables).isNotEmpty();
      for (String table : tables) {
        long rows = 0;
        try (Statement sql = connection.createStatement();
            ResultSet rs = sql.executeQuery("select * from \"" + table + "\"")) {
          int columns = rs.getMetaData().getColumnCount();
          while (rs.next()) {
            rows++;
            out.write(table);
            for (int i = 1; i <= columns; i++) {
              out.write('|');
              out.write(String.valueOf(rs.getString(i)));
            }
            out.write('\n');
          }
        }
        if (table.equalsIgnoreCase("participants")) {
          participants = rows;
        }
      }
    }
    return participants;
  }

  /** {@code pg_dump} of the test's schema, or null where the tool is not installed. */
  private Path pgDump(String url) throws Exception {
    if (Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
        .noneMatch(dir -> Files.isExecutable(Path.of(dir, "pg_dump")))) {
      return null;
    }
    String schema = url.substring(url.indexOf("currentSchema=") + "currentSchema=".length());
    String hostPortDb = url.substring("jdbc:postgresql://".length(), url.indexOf('?'));
    String host = hostPortDb.substring(0, hostPortDb.indexOf(':'));
    String port = hostPortDb.substring(hostPortDb.indexOf(':') + 1, hostPortDb.indexOf('/'));
    String db = hostPortDb.substring(hostPortDb.indexOf('/') + 1);
    Path dump = work.resolve("pg_dump.sql");
    Process process =
        new ProcessBuilder(
                "pg_dump", "-h", host, "-p", port, "-U", "postgres", "-d", db, "--schema=" + schema)
            .redirectOutput(dump.toFile())
            .redirectError(work.resolve("pg_dump.err").toFile())
            .start();
    assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
    assertThat(process.exitValue()).as(Files.readString(work.resolve("pg_dump.err"))).isZero();
    assertThat(Files.readString(dump)).contains("participants");
    return dump;
  }
}
