package cn.timebank.scoring.support;

import cn.timebank.ledger.schema.LedgerSchema;
import com.zaxxer.hikari.HikariDataSource;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A private in-memory H2 database in its default mode, migrated the way the app migrates (common +
 * vendor locations: the ledger's V1/V2 and credit scoring's V100).
 */
public final class H2ScoringDatabase implements ScoringDatabase {

  private final HikariDataSource dataSource = new HikariDataSource();

  public H2ScoringDatabase() {
    dataSource.setJdbcUrl("jdbc:h2:mem:scoring_" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    dataSource.setUsername("sa");
    dataSource.setMaximumPoolSize(4);
    LedgerSchema.migrate(dataSource);
  }

  @Override
  public DataSource dataSource() {
    return dataSource;
  }

  @Override
  public void close() {
    new JdbcTemplate(dataSource).execute("shutdown");
    dataSource.close();
  }
}
