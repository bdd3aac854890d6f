package cn.timebank.ledger.store;

import java.time.Instant;

/**
 * A verified package whose records the batch job applies ({@code package_runs}): it holds its
 * sequence from the moment it is verified until its receipt is stored.
 *
 * @param superseded a correction's supersede has been applied
 * @param runner the process that started or last resumed it ({@code pid@host})
 */
public record PackageRun(
    String packageId,
    String sha256,
    String bank,
    String month,
    int sequence,
    Instant receivedAt,
    Instant dueAt,
    boolean late,
    String archivePath,
    boolean superseded,
    String runner) {}
