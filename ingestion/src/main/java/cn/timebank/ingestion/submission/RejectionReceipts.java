package cn.timebank.ingestion.submission;

import cn.timebank.ingestion.receipt.Counts;
import cn.timebank.ingestion.receipt.Receipt;
import cn.timebank.ingestion.receipt.ReceiptLine;
import cn.timebank.ingestion.receipt.ReceiptStatus;
import cn.timebank.ingestion.verify.ManifestIdentity;
import cn.timebank.ingestion.verify.Rejected;
import cn.timebank.standards.hours.schedule.DueDates;
import cn.timebank.standards.model.Period;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The receipt of a package rejected whole (spec §5): status RJCT, its P code in {@code
 * counts.codes} and in {@code rejected} (with file, line and field where they apply), and whatever
 * of bank, period and sequence the manifest gave.
 */
final class RejectionReceipts {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  private final DueDates dueDates;

  RejectionReceipts(DueDates dueDates) {
    this.dueDates = dueDates;
  }

  /**
   * Whether the period has a due date: not one before every hour standard (a P006 package may name
   * 2000-01), which has no schedule to be late against.
   */
  private boolean hasDueDate(Period period) {
    try {
      dueDates.dueAt(period.month());
      return true;
    } catch (IllegalArgumentException noStandardInForce) {
      return false;
    }
  }

  Receipt of(String packageId, String sha256, Rejected rejected, Instant receivedAt) {
    ManifestIdentity identity = rejected.identity();
    Optional<Period> period = Optional.ofNullable(identity.period()).flatMap(p -> parse(p));
    Optional<Period> scheduled = period.filter(this::hasDueDate);
    OffsetDateTime dueAt =
        scheduled.map(p -> dueDates.dueAt(p.month()).toOffsetDateTime()).orElse(null);
    boolean late = scheduled.map(p -> dueDates.isLate(p.month(), receivedAt)).orElse(false);
    String code = rejected.code().name();
    String prefix = code + " " + rejected.code().bilingual();
    String message =
        rejected.message().startsWith(code + " ")
            ? rejected.message().substring(code.length() + 1)
            : prefix + ": " + rejected.message();
    ReceiptLine line =
        new ReceiptLine(
            rejected.file().orElse(null),
            rejected.line().isPresent() ? rejected.line().getAsLong() : null,
            null,
            rejected.field().orElse(null),
            code,
            message);
    return new Receipt(
        packageId,
        sha256,
        identity.bankCode(),
        identity.period(),
        identity.sequence(),
        receivedAt.atZone(SHANGHAI).toOffsetDateTime(),
        dueAt,
        late,
        ReceiptStatus.RJCT,
        new Counts(Map.of(), Map.of(code, 1L)),
        List.of(line),
        List.of());
  }

  private static Optional<Period> parse(String period) {
    try {
      return Optional.of(Period.parse(period));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }
}
