package cn.timebank.ledger.store;

import cn.timebank.ledger.support.LedgerDatabase;
import cn.timebank.ledger.support.PostgresTestSchema;

/** {@link InsertsContract} on PostgreSQL: COPY … FROM STDIN. */
class InsertsIntegrationTests extends InsertsContract {

  @Override
  LedgerDatabase database() {
    return new PostgresTestSchema();
  }

  @Override
  boolean copies() {
    return true;
  }
}
