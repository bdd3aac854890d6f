package cn.timebank.ledger.support;

import com.zaxxer.hikari.HikariDataSource;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A private in-memory H2 database in its default mode. The guard bypass drops H2's trigger and
 * creates it again, as the schema owner.
 */
public final class H2Database implements LedgerDatabase {

  private final HikariDataSource dataSource = new HikariDataSource();

  public H2Database() {
    dataSource.setJdbcUrl("jdbc:h2:mem:ledger_" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    dataSource.setUsername("sa");
    dataSource.setMaximumPoolSize(4);
  }

  @Override
  public DataSource dataSource() {
    return dataSource;
  }

  @Override
  public int bypassingAppendOnlyGuard(String sql, Object... args) {
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    jdbc.execute("drop trigger ledger_entries_no_change");
    try {
      return jdbc.update(sql, args);
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
