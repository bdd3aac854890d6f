package cn.timebank.ingestion.hold;

import cn.timebank.ingestion.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;

/** {@link PackageHoldsContract} on PostgreSQL. */
class PackageHoldsIntegrationTests extends PackageHoldsContract {

  private static final TestDatabase POSTGRES = TestDatabase.postgres().migrated();

  @Override
  TestDatabase database() {
    return POSTGRES;
  }

  @AfterAll
  static void shutdown() {
    POSTGRES.close();
  }
}
