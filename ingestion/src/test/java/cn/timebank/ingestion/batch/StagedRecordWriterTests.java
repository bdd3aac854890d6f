package cn.timebank.ingestion.batch;

import cn.timebank.ingestion.support.TestDatabase;
import cn.timebank.ledger.entry.WritePath;
import org.junit.jupiter.api.AfterAll;

/** The stage step's writer on H2: JDBC batches. */
class StagedRecordWriterTests extends StagedRecordWriterContract {

  private static final TestDatabase H2 = TestDatabase.h2().migrated();

  @Override
  TestDatabase database() {
    return H2;
  }

  @Override
  WritePath expectedPath() {
    return WritePath.BATCH;
  }

  @AfterAll
  static void shutdown() {
    H2.close();
  }
}
