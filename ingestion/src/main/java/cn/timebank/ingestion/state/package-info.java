/**
 * The record engine's state in the database: {@link cn.timebank.ingestion.state.JdbcLedgerState}
 * implements {@link cn.timebank.ingestion.rules.LedgerState} over the ledger's tables and stores
 * (V1, V3), posting through the ledger's {@link cn.timebank.ledger.entry.LedgerWriter}.
 */
@NullMarked
package cn.timebank.ingestion.state;

import org.jspecify.annotations.NullMarked;
