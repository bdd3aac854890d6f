package cn.timebank.ingestion.batch;

import cn.timebank.ingestion.support.TestDatabase;

/** {@link OutcomesContract} on PostgreSQL: one {@code update … from (values …)} per slice. */
class OutcomesIntegrationTests extends OutcomesContract {

  @Override
  TestDatabase database() {
    return TestDatabase.postgres();
  }
}
