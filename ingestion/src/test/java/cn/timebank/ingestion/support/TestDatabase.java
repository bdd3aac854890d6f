package cn.timebank.ingestion.support;

import cn.timebank.ledger.registry.RegistryStore;
import cn.timebank.ledger.schema.LedgerSchema;
import cn.timebank.standards.registry.BankRegistryEntry;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A migrated database for tests: a private in-memory H2, or a fresh schema {@code tb_<random>} in
 * the real PostgreSQL (default {@code jdbc:postgresql://127.0.0.1:5432/test}, user {@code
 * postgres}; {@code TIMEBANK_TEST_PG_URL} / {@code TIMEBANK_TEST_PG_USER} override), dropped on
 * close. {@link #empty()} deletes every row but the registry's, going around the ledger's
 * append-only guard as the schema owner (test-only, like the ledger's own tamper tests).
 */
public abstract sealed class TestDatabase implements AutoCloseable {

  /** Tables emptied between scenarios, children first. */
  private static final List<String> TABLES =
      List.of(
          "stream_events",
          "staged_records",
          "package_runs",
          "packages",
          "engine_postings",
          "credited_services",
          "used_refs",
          "first_packages",
          "transfer_items",
          "services",
          "transactions",
          "participants",
          "ledger_entries",
          "chain_heads");

  final HikariDataSource dataSource = new HikariDataSource();

  public static TestDatabase h2() {
    return new H2();
  }

  public static TestDatabase postgres() {
    return new Postgres();
  }

  public DataSource dataSource() {
    return dataSource;
  }

  /** The JDBC URL, for a Spring context on the same database. */
  public String url() {
    return dataSource.getJdbcUrl();
  }

  public String user() {
    return dataSource.getUsername();
  }

  public TestDatabase migrated() {
    LedgerSchema.migrate(dataSource);
    return this;
  }

  /** Registers banks (replacing their entries). */
  public TestDatabase register(List<BankRegistryEntry> banks) {
    RegistryStore store = new RegistryStore(JdbcClient.create(dataSource));
    banks.forEach(bank -> store.save(bank, Instant.parse("2024-01-01T00:00:00Z")));
    return this;
  }

  /** Deletes every row of the canonical store, the engine's state and the ledger. */
  public void empty() {
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    withoutGuard(
        jdbc,
        () -> {
          for (String table : TABLES) {
            jdbc.update("delete from " + table);
          }
        });
  }

  abstract void withoutGuard(JdbcTemplate jdbc, Runnable change);

  static final class H2 extends TestDatabase {
    H2() {
      dataSource.setJdbcUrl("jdbc:h2:mem:state_" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
      dataSource.setUsername("sa");
      dataSource.setMaximumPoolSize(4);
    }

    @Override
    void withoutGuard(JdbcTemplate jdbc, Runnable change) {
      jdbc.execute("drop trigger ledger_entries_no_change");
      try {
        change.run();
      } finally {
        jdbc.execute(
            "create trigger ledger_entries_no_change before update, delete on ledger_entries"
                + " for each row call 'cn.timebank.ledger.schema.AppendOnlyTrigger'");
      }
    }

    @Override
    public void close() {
      new JdbcTemplate(dataSource).execute("shutdown");
      dataSource.close();
    }
  }

  static final class Postgres extends TestDatabase {
    static final String URL =
        System.getenv()
            .getOrDefault("TIMEBANK_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    static final String USER = System.getenv().getOrDefault("TIMEBANK_TEST_PG_USER", "postgres");

    private final String schema =
        "tb_"
            + UUID.randomUUID()
                .toString()
                .replace("-", "")
                .substring(0, 16)
                .toLowerCase(Locale.ROOT);

    Postgres() {
      admin("create schema " + schema);
      dataSource.setJdbcUrl(URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema);
      dataSource.setUsername(USER);
      dataSource.setMaximumPoolSize(6);
      // as the application connects (app's PostgresBatchInserts): batches of inserts rewritten
      dataSource.addDataSourceProperty("reWriteBatchedInserts", "true");
    }

    @Override
    void withoutGuard(JdbcTemplate jdbc, Runnable change) {
      jdbc.execute("alter table ledger_entries disable trigger ledger_entries_no_change");
      try {
        change.run();
      } finally {
        jdbc.execute("alter table ledger_entries enable trigger ledger_entries_no_change");
      }
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

  @Override
  public abstract void close();
}
