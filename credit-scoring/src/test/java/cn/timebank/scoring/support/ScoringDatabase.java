package cn.timebank.scoring.support;

import javax.sql.DataSource;

/** A migrated database (ledger V1/V2 and credit scoring's V100) for one test class. */
public interface ScoringDatabase extends AutoCloseable {

  DataSource dataSource();

  @Override
  void close();
}
