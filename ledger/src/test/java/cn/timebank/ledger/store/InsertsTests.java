package cn.timebank.ledger.store;

import cn.timebank.ledger.support.H2Database;
import cn.timebank.ledger.support.LedgerDatabase;

/** {@link InsertsContract} on H2: a JDBC batch. */
class InsertsTests extends InsertsContract {

  @Override
  LedgerDatabase database() {
    return new H2Database();
  }

  @Override
  boolean copies() {
    return false;
  }
}
