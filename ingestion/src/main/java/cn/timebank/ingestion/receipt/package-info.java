/** Receipts of delivered packages (spec §5) and their JSON form. */
@NullMarked
package cn.timebank.ingestion.receipt;

import org.jspecify.annotations.NullMarked;
