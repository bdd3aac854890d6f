package cn.timebank.ingestion.stream;

/**
 * A value of {@link Topics#RECORDS}, the database sink's topic: an event the ledger processor
 * applied ({@link AppliedRecord}), or the mark that it holds its events for a package being applied
 * ({@link HoldMark}), in the order the processor wrote them.
 */
public sealed interface SinkRecord permits AppliedRecord, HoldMark {}
