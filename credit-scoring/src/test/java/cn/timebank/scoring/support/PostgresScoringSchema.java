package cn.timebank.scoring.support;

import cn.timebank.ledger.schema.LedgerSchema;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * A fresh schema {@code cs_<random>} in the real PostgreSQL (default {@code
 * jdbc:postgresql://127.0.0.1:5432/test}, user {@code postgres}; override with {@code
 * TIMEBANK_TEST_PG_URL} / {@code TIMEBANK_TEST_PG_USER}), migrated, dropped on close — as the
 * ledger's {@code PostgresTestSchema}.
 */
public final class PostgresScoringSchema implements ScoringDatabase {

  static final String URL =
      System.getenv().getOrDefault("TIMEBANK_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
  static final String USER = System.getenv().getOrDefault("TIMEBANK_TEST_PG_USER", "postgres");

  private final String schema =
      "cs_"
          + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
  private final HikariDataSource dataSource = new HikariDataSource();

  public PostgresScoringSchema() {
    admin("create schema " + schema);
    dataSource.setJdbcUrl(URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema);
    dataSource.setUsername(USER);
    dataSource.setMaximumPoolSize(4);
    LedgerSchema.migrate(dataSource);
  }

  @Override
  public DataSource dataSource() {
    return dataSource;
  }

  @Override
  public void close() {
    dataSource.close();
    admin("drop schema " + schema + " cascade");
  }

  private static void admin(String sql) {
    try (Connection connection = DriverManager.getConnection(URL, USER, null);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("PostgreSQL at " + URL + " refused: " + sql, e);
    }
  }
}
