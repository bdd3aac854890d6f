package cn.timebank.ingestion.verify;

import cn.timebank.standards.model.Period;
import cn.timebank.standards.registry.BankRegistryEntry;
import java.time.Instant;
import java.time.ZonedDateTime;

/**
 * A package that passed every package-level check: its records may now be read.
 *
 * @param sha256 the package's sha256 (spec §5: of the ZIP, or of {@code manifest.json})
 * @param dueAt when the period's report was due ({@code DueDates.dueAt})
 * @param late received after {@code dueAt} (recorded, not refused)
 */
public record Verified(
    Manifest manifest,
    Period period,
    BankRegistryEntry bank,
    String sha256,
    Instant receivedAt,
    ZonedDateTime dueAt,
    boolean late)
    implements VerificationResult {

  public Verified {
    if (manifest == null
        || period == null
        || bank == null
        || sha256 == null
        || receivedAt == null
        || dueAt == null) {
      throw new IllegalArgumentException("every component of Verified is required");
    }
  }
}
