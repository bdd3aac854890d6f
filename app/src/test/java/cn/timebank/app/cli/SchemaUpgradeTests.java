package cn.timebank.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import cn.timebank.app.support.CommandRun;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each module numbers its migrations in a range of its own, so a release can bring a migration
 * numbered below one a data directory already has (credit scoring's V101 after audit's V301). A
 * command on such a data directory applies it and runs, instead of refusing to start.
 */
class SchemaUpgradeTests {

  @TempDir Path dataDir;

  @Test
  void aDataDirectoryWithoutALowerNumberedMigrationIsUpgradedInPlace() throws Exception {
    CommandRun commands = new CommandRun(dataDir);
    assertThat(commands.run("users", "list")).as(commands.err()).isZero();

    try (Connection db = connect();
        Statement sql = db.createStatement()) {
      sql.execute("drop table cs_score_part_sets");
      sql.execute("delete from \"flyway_schema_history\" where \"version\" = '101'");
      assertThat(maxVersion(sql)).as("a higher migration is already there").isEqualTo(400);
    }

    assertThat(commands.run("users", "list")).as(commands.err()).isZero();

    try (Connection db = connect();
        Statement sql = db.createStatement()) {
      try (ResultSet rs =
          sql.executeQuery(
              "select \"success\" from \"flyway_schema_history\" where \"version\" = '101'")) {
        assertThat(rs.next()).as("V101 applied again").isTrue();
        assertThat(rs.getBoolean(1)).isTrue();
      }
      try (ResultSet rs = sql.executeQuery("select count(*) from cs_score_part_sets")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getLong(1)).isZero();
      }
    }
  }

  private static int maxVersion(Statement sql) throws Exception {
    int max = 0;
    try (ResultSet rs = sql.executeQuery("select \"version\" from \"flyway_schema_history\"")) {
      while (rs.next()) {
        String v = rs.getString(1);
        if (v != null) {
          max = Math.max(max, Integer.parseInt(v.split("\\.")[0]));
        }
      }
    }
    return max;
  }

  private Connection connect() throws Exception {
    return DriverManager.getConnection(
        "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("db/timebank"), "sa", "");
  }
}
