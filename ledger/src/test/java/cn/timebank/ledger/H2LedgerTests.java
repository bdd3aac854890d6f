package cn.timebank.ledger;

import cn.timebank.ledger.entry.WritePath;
import cn.timebank.ledger.support.H2Database;
import cn.timebank.ledger.support.LedgerDatabase;

/** The ledger contract on in-memory H2 (default mode), JDBC batch path. */
class H2LedgerTests extends LedgerContract {

  @Override
  protected LedgerDatabase openDatabase() {
    return new H2Database();
  }

  @Override
  protected WritePath writePath() {
    return WritePath.BATCH;
  }
}
