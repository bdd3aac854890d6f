/** Balances, hour liability and per-bank totals, computed in SQL. */
@NullMarked
package cn.timebank.ledger.balance;

import org.jspecify.annotations.NullMarked;
