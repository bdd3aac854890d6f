package cn.timebank.ingestion.batch;

import cn.timebank.ingestion.support.TestDatabase;

/** {@link OutcomesContract} on H2: a JDBC batch of updates. */
class OutcomesTests extends OutcomesContract {

  @Override
  TestDatabase database() {
    return TestDatabase.h2();
  }
}
