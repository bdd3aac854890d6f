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

/**
 * A fresh Oracle user (its own schema) for one test, created and dropped through an administrator
 * account. The guard bypass is {@code ALTER TRIGGER ... DISABLE}, as the schema owner.
 */
public final class OracleTestUser implements LedgerDatabase {

  private final String url;
  private final String adminUser;
  private final String adminPassword;
  private final String user =
      "TB_"
          + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toUpperCase(Locale.ROOT);
  private final HikariDataSource dataSource = new HikariDataSource();

  public OracleTestUser(String url, String adminUser, String adminPassword) {
    this.url = url;
    this.adminUser = adminUser;
    this.adminPassword = adminPassword;
    String password = "Pw" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    admin("create user " + user + " identified by \"" + password + "\" quota unlimited on users");
    admin(
        "grant create session, create table, create sequence, create trigger, create procedure"
            + " to "
            + user);
    dataSource.setJdbcUrl(url);
    dataSource.setUsername(user);
    dataSource.setPassword(password);
    dataSource.setMaximumPoolSize(4);
  }

  @Override
  public DataSource dataSource() {
    return dataSource;
  }

  @Override
  public int bypassingAppendOnlyGuard(String sql, Object... args) {
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    jdbc.execute("alter trigger ledger_entries_no_change disable");
    try {
      return jdbc.update(sql, args);
    } finally {
      jdbc.execute("alter trigger ledger_entries_no_change enable");
    }
  }

  @Override
  public void close() {
    dataSource.close();
    admin("drop user " + user + " cascade");
  }

  private void admin(String sql) {
    try (Connection connection = DriverManager.getConnection(url, adminUser, adminPassword);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("Oracle refused: " + sql, e);
    }
  }
}
