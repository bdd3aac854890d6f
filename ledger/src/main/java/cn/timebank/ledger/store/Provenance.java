package cn.timebank.ledger.store;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Where a canonical record came from: its package (or stream event) id, file and line, the result
 * codes it was accepted with (comma-separated W codes, or null) and when it was received.
 */
public record Provenance(
    String sourceId,
    @Nullable String fileName,
    @Nullable Long lineNo,
    @Nullable String resultCodes,
    Instant receivedAt) {}
