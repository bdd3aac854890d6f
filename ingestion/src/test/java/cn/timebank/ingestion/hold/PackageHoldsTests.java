package cn.timebank.ingestion.hold;

import cn.timebank.ingestion.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;

/** {@link PackageHoldsContract} on H2. */
class PackageHoldsTests extends PackageHoldsContract {

  private static final TestDatabase H2 = TestDatabase.h2().migrated();

  @Override
  TestDatabase database() {
    return H2;
  }

  @AfterAll
  static void shutdown() {
    H2.close();
  }
}
