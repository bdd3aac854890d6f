package cn.timebank.ledger;

import cn.timebank.ledger.entry.WritePath;
import cn.timebank.ledger.support.LedgerDatabase;
import cn.timebank.ledger.support.PostgresTestSchema;

/** The ledger contract on the real PostgreSQL, JDBC batch path. */
class PostgresBatchLedgerIntegrationTests extends LedgerContract {

  @Override
  protected LedgerDatabase openDatabase() {
    return new PostgresTestSchema();
  }

  @Override
  protected WritePath writePath() {
    return WritePath.BATCH;
  }
}
