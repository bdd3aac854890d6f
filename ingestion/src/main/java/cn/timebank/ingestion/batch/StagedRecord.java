package cn.timebank.ingestion.batch;

import org.jspecify.annotations.Nullable;

/**
 * One row of {@code staged_records} as step 1 writes it.
 *
 * @param kind {@code P} participant, {@code S} service, {@code T} transaction
 * @param ref the record's ref, when it could be read (R113 compares it)
 * @param payload the canonical record or the reader's problems ({@link PayloadJson})
 */
record StagedRecord(
    String packageId,
    int fileNo,
    long lineNo,
    String fileName,
    char kind,
    @Nullable String ref,
    String applyKey,
    String payload) {}
