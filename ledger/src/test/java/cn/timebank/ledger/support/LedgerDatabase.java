package cn.timebank.ledger.support;

import javax.sql.DataSource;

/**
 * A fresh, empty database (or schema) for one test, and the deliberate, test-only way around the
 * append-only guard that a tamper test needs.
 */
public interface LedgerDatabase extends AutoCloseable {

  DataSource dataSource();

  /**
   * Runs {@code sql} on {@code ledger_entries} with the append-only trigger switched off, then
   * switches it on again. Only the schema owner can do this; production grants the application role
   * no such right (see the module README).
   */
  int bypassingAppendOnlyGuard(String sql, Object... args);

  @Override
  void close();
}
