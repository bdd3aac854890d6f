package cn.timebank.ingestion.batch;

import org.jspecify.annotations.Nullable;

/** A staged row not applied yet, as step 4 reads it in application order. */
record StagedRow(
    String packageId,
    int fileNo,
    long lineNo,
    String fileName,
    char kind,
    @Nullable String ref,
    boolean repeated,
    String payload) {}
