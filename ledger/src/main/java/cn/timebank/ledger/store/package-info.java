/**
 * Small SQL stores of the canonical records and of what the record engine remembers (V3): the
 * participants, services and transactions as the regulator keeps them, daily-cap rows, used refs,
 * the index of the engine's postings, first packages, transfer items, packages and their runs. Each
 * store reads and writes one table with plain rows; ingestion maps them to its own types. Writes
 * run in the caller's transaction.
 */
@NullMarked
package cn.timebank.ledger.store;

import org.jspecify.annotations.NullMarked;
