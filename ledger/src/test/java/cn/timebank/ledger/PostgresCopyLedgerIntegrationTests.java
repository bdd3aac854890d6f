package cn.timebank.ledger;

import cn.timebank.ledger.entry.WritePath;
import cn.timebank.ledger.support.LedgerDatabase;
import cn.timebank.ledger.support.PostgresTestSchema;

/** The ledger contract on the real PostgreSQL, COPY path (what AUTO picks there). */
class PostgresCopyLedgerIntegrationTests extends LedgerContract {

  @Override
  protected LedgerDatabase openDatabase() {
    return new PostgresTestSchema();
  }

  @Override
  protected WritePath writePath() {
    return WritePath.COPY;
  }
}
