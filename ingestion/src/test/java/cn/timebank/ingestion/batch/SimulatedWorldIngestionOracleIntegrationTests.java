package cn.timebank.ingestion.batch;

import cn.timebank.ingestion.support.IngestionTestApplication;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.oracle.OracleContainer;

/**
 * The simulated world ingested on Oracle Database Free (Testcontainers), in a fresh user (= schema)
 * of its own, as the ledger's {@code OracleLedgerIntegrationTests} does. Runs only where Docker is
 * available; skipped otherwise.
 *
 * <p>The container is started on first use by the context's property source rather than by
 * {@code @Container}: the contract's test instance (and so the Spring context) is created before
 * the Testcontainers extension would start it.
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(
    classes = IngestionTestApplication.class,
    properties = "timebank.ingestion.data-dir=target/world-oracle")
class SimulatedWorldIngestionOracleIntegrationTests extends SimulatedWorldContract {

  private static final OracleContainer ORACLE =
      new OracleContainer("gvenzl/oracle-free:23-slim-faststart");
  private static String user;
  private static String password;

  @DynamicPropertySource
  static void oracle(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", () -> started().getJdbcUrl());
    registry.add("spring.datasource.username", () -> started() == null ? null : user);
    registry.add("spring.datasource.password", () -> started() == null ? null : password);
  }

  /** The container, started once, with a fresh user for this test class. */
  private static synchronized OracleContainer started() {
    if (!ORACLE.isRunning()) {
      ORACLE.start();
      user =
          "TB_"
              + UUID.randomUUID()
                  .toString()
                  .replace("-", "")
                  .substring(0, 16)
                  .toUpperCase(Locale.ROOT);
      password = "Pw" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
      admin("create user " + user + " identified by \"" + password + "\" quota unlimited on users");
      admin(
          "grant create session, create table, create sequence, create trigger, create procedure,"
              + " create view to "
              + user);
    }
    return ORACLE;
  }

  private static void admin(String sql) {
    try (Connection connection =
            DriverManager.getConnection(ORACLE.getJdbcUrl(), "system", ORACLE.getPassword());
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("Oracle refused: " + sql, e);
    }
  }

  @AfterAll
  static void stop() {
    if (ORACLE.isRunning()) {
      ORACLE.stop();
    }
  }
}
