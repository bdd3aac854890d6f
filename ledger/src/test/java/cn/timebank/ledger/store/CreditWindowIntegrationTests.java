package cn.timebank.ledger.store;

import cn.timebank.ledger.support.LedgerDatabase;
import cn.timebank.ledger.support.PostgresTestSchema;

/** {@link CreditWindowContract} on PostgreSQL. */
class CreditWindowIntegrationTests extends CreditWindowContract {

  @Override
  LedgerDatabase database() {
    return new PostgresTestSchema();
  }
}
