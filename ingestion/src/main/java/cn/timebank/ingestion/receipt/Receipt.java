package cn.timebank.ingestion.receipt;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The receipt of one delivered package (spec §5): what was known when it was processed. Receipts
 * are never rewritten. Bank, period and sequence are null when a rejected package did not let them
 * be read. {@link ReceiptJson} writes it with the spec's field names ({@code package_id}, ...).
 *
 * @param packageId unique and URL-safe (no {@code /}), e.g. {@code 310109-001_2026-10_1_3f2a9c1e}
 * @param sha256 of the delivered ZIP, or of {@code manifest.json} for a folder
 * @param receivedAt in Asia/Shanghai ({@code +08:00}), to the second
 * @param dueAt the period's due date, when the period could be read
 */
public record Receipt(
    String packageId,
    String sha256,
    @Nullable String bankCode,
    @Nullable String period,
    @Nullable Integer sequence,
    OffsetDateTime receivedAt,
    @Nullable OffsetDateTime dueAt,
    boolean late,
    ReceiptStatus status,
    Counts counts,
    List<ReceiptLine> rejected,
    List<ReceiptLine> warnings) {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  public Receipt {
    Objects.requireNonNull(packageId, "packageId");
    if (packageId.contains("/")) {
      throw new IllegalArgumentException("a package id must not contain '/': " + packageId);
    }
    Objects.requireNonNull(sha256, "sha256");
    // to the second, as spec §5 shows it, whatever precision the clock or the database gave: the
    // same receipt prints the same text (the package's row keeps the full time for ordering)
    receivedAt =
        inShanghai(Objects.requireNonNull(receivedAt, "receivedAt"))
            .truncatedTo(ChronoUnit.SECONDS);
    dueAt = dueAt == null ? null : inShanghai(dueAt);
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(counts, "counts");
    rejected = List.copyOf(rejected);
    warnings = List.copyOf(warnings);
  }

  private static OffsetDateTime inShanghai(OffsetDateTime time) {
    return time.atZoneSameInstant(SHANGHAI).toOffsetDateTime();
  }
}
