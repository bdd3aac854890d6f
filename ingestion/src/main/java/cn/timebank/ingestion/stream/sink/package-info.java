/**
 * The database sink of the live path: the ledger topology's applied events ({@code tb.records.v1})
 * and rejects ({@code tb.rejects.v1}) into the same tables, through the same ledger writer and
 * canonical store, as the batch (see the ingestion README, "Streaming interface").
 */
@NullMarked
package cn.timebank.ingestion.stream.sink;

import org.jspecify.annotations.NullMarked;
