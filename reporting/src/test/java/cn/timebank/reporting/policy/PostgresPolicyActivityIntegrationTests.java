package cn.timebank.reporting.policy;

import cn.timebank.reporting.support.ReportDatabase;

/** {@link PolicyActivityTests} on the real PostgreSQL, in a fresh schema dropped afterwards. */
class PostgresPolicyActivityIntegrationTests extends PolicyActivityTests {

  @Override
  ReportDatabase newDatabase() {
    return ReportDatabase.postgres();
  }
}
