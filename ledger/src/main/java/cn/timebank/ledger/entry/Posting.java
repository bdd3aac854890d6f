package cn.timebank.ledger.entry;

import cn.timebank.standards.minutes.StandardMinutes;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One double-entry posting for one bank: lines that sum to zero, applied at most once per {@code
 * idempotencyKey}.
 *
 * @param bankCode the bank whose ledger receives the lines, e.g. {@code 310109-001}
 * @param idempotencyKey unique for ever across the ledger; re-posting it does nothing
 * @param entryKind why the posting is made
 * @param sourceRef the record it comes from: a {@code service_ref} or {@code txn_ref}
 * @param sourceId where that record arrived: a {@code package_id} or a stream event id
 * @param postedAt when it was posted; kept with microsecond precision (the precision of {@code
 *     TIMESTAMP} in H2, PostgreSQL and Oracle), so it is truncated to microseconds here
 * @param lines two or more non-zero lines summing to zero
 */
public record Posting(
    String bankCode,
    String idempotencyKey,
    EntryKind entryKind,
    String sourceRef,
    String sourceId,
    Instant postedAt,
    List<Line> lines) {

  private static final Pattern BANK_CODE = Pattern.compile("\\d{6}-\\d{3}");

  public Posting {
    if (!BANK_CODE.matcher(bankCode).matches()) {
      throw new IllegalArgumentException("bank code is not NNNNNN-NNN: " + bankCode);
    }
    requireText("idempotency key", idempotencyKey, 200);
    requireText("source ref", sourceRef, 64);
    requireText("source id", sourceId, 100);
    postedAt = postedAt.truncatedTo(ChronoUnit.MICROS);
    lines = List.copyOf(lines);
    if (lines.size() < 2) {
      throw new IllegalArgumentException("a double-entry posting needs at least two lines");
    }
    if (lines.size() > 9999) {
      throw new IllegalArgumentException("a posting has at most 9999 lines");
    }
    StandardMinutes sum =
        lines.stream().map(Line::amount).reduce(StandardMinutes.ZERO, StandardMinutes::plus);
    if (!sum.isZero()) {
      throw new IllegalArgumentException(
          "posting " + idempotencyKey + " does not balance: its lines sum to " + sum);
    }
  }

  /** The opposite of this posting's lines, under a new key and kind: a reversal. */
  public Posting reversal(
      String idempotencyKey, EntryKind entryKind, String sourceRef, String sourceId, Instant at) {
    return new Posting(
        bankCode,
        idempotencyKey,
        entryKind,
        sourceRef,
        sourceId,
        at,
        lines.stream().map(Line::reversed).toList());
  }

  private static void requireText(String what, String value, int maxLength) {
    // Oracle stores '' as NULL: an empty value could not be read back as it was hashed.
    if (value.isBlank() || value.length() > maxLength) {
      throw new IllegalArgumentException(what + " must have 1 to " + maxLength + " characters");
    }
  }
}
