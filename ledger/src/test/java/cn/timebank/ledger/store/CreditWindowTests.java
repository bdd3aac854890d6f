package cn.timebank.ledger.store;

import cn.timebank.ledger.support.H2Database;
import cn.timebank.ledger.support.LedgerDatabase;

/** {@link CreditWindowContract} on H2. */
class CreditWindowTests extends CreditWindowContract {

  @Override
  LedgerDatabase database() {
    return new H2Database();
  }
}
