package cn.timebank.ingestion.batch;

import cn.timebank.ingestion.support.TestDatabase;
import cn.timebank.ledger.entry.WritePath;
import org.junit.jupiter.api.AfterAll;

/** The stage step's writer on PostgreSQL: COPY, in a schema of its own. */
class StagedRecordWriterIntegrationTests extends StagedRecordWriterContract {

  private static final TestDatabase POSTGRES = TestDatabase.postgres().migrated();

  @Override
  TestDatabase database() {
    return POSTGRES;
  }

  @Override
  WritePath expectedPath() {
    return WritePath.COPY;
  }

  @AfterAll
  static void dropSchema() {
    POSTGRES.close();
  }
}
