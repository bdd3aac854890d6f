package cn.timebank.ledger.store;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A received package as {@code packages} keeps it, with its receipt's status. Bank, month and
 * sequence are null when a rejected package did not let them be read.
 */
public record PackageRow(
    String packageId,
    String sha256,
    @Nullable String bank,
    @Nullable String month,
    @Nullable Integer sequence,
    Instant receivedAt,
    @Nullable Instant dueAt,
    boolean late,
    String status,
    @Nullable String archivePath) {}
