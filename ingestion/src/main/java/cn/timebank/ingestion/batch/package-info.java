/**
 * The Spring Batch job that applies a verified package to the ledger: stage its records, mark
 * repeated refs (R113), supersede the corrected period, apply the records in application order
 * through the record engine, write the receipt. Restartable: every step can be run again after a
 * crash and applies nothing twice. See {@link cn.timebank.ingestion.batch.PackageJobConfiguration}.
 */
@NullMarked
package cn.timebank.ingestion.batch;

import org.jspecify.annotations.NullMarked;
