/**
 * The record engine: every stateful rule of spec §3, §4 and §6 for one canonical record at a time,
 * behind one state interface ({@link cn.timebank.ingestion.rules.LedgerState}), pure Java without
 * I/O. The monthly batch (state in the database) and the stream topology (state in state stores)
 * call the same {@link cn.timebank.ingestion.rules.RecordEngine} and get the same results.
 */
package cn.timebank.ingestion.rules;
