package cn.timebank.ledger.support;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A fresh schema {@code tb_<random>} in the real PostgreSQL (default {@code
 * jdbc:postgresql://127.0.0.1:5432/test}, user {@code postgres}; override with the environment
 * variables {@code TIMEBANK_TEST_PG_URL} and {@code TIMEBANK_TEST_PG_USER}), dropped on close, so
 * runs never collide. The guard bypass is {@code ALTER TABLE ... DISABLE TRIGGER} as the table
 * owner, inside one transaction with the tampering statement.
 */
public final class PostgresTestSchema implements LedgerDatabase {

  static final String URL =
      System.getenv().getOrDefault("TIMEBANK_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
  static final String USER = System.getenv().getOrDefault("TIMEBANK_TEST_PG_USER", "postgres");

  private final String schema =
      "tb_"
          + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
  private final HikariDataSource dataSource = new HikariDataSource();

  public PostgresTestSchema() {
    admin("create schema " + schema);
    dataSource.setJdbcUrl(URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema);
    dataSource.setUsername(USER);
    dataSource.setMaximumPoolSize(4);
  }

  public String schema() {
    return schema;
  }

  @Override
  public DataSource dataSource() {
    return dataSource;
  }

  @Override
  public int bypassingAppendOnlyGuard(String sql, Object... args) {
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    Integer changed =
        new TransactionTemplate(new DataSourceTransactionManager(dataSource))
            .execute(
                status -> {
                  jdbc.execute(
                      "alter table ledger_entries disable trigger ledger_entries_no_change");
                  int rows = jdbc.update(sql, args);
                  jdbc.execute(
                      "alter table ledger_entries enable trigger ledger_entries_no_change");
                  return rows;
                });
    return changed == null ? 0 : changed;
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
