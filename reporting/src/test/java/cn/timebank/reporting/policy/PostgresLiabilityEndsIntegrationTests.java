package cn.timebank.reporting.policy;

import cn.timebank.reporting.support.ReportDatabase;

/** {@link LiabilityEndsTests} on the real PostgreSQL, in a fresh schema dropped afterwards. */
class PostgresLiabilityEndsIntegrationTests extends LiabilityEndsTests {

  @Override
  ReportDatabase newDatabase() {
    return ReportDatabase.postgres();
  }
}
