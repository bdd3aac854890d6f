package cn.timebank.ledger.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;

/**
 * One thing done on the platform: who ({@code actor}: an OS user for the CLI, the authenticated
 * principal or {@code anonymous} for HTTP, {@code inbox} for the drop folder), from where ({@code
 * origin}: {@code cli:user@host}, {@code http:1.2.3.4}, {@code inbox:FOLDER}), when ({@code at},
 * UTC, truncated to microseconds as every database stores it), what ({@code action} on {@code
 * target}, with a free-text {@code detail}) and, when it concerns one bank, that bank's code.
 *
 * <p>Texts are trimmed to their column's width (and to 4,000 bytes of UTF-8) and control characters
 * (line ends included) become blanks, so one event stays one line in every listing.
 */
public record AuditEvent(
    String actor,
    AuditAction action,
    String target,
    @Nullable String bankCode,
    String origin,
    Instant at,
    String detail) {

  static final int ACTOR_WIDTH = 200;
  static final int ORIGIN_WIDTH = 300;
  static final int TARGET_WIDTH = 500;
  static final int BANK_WIDTH = 100;
  static final int DETAIL_WIDTH = 2000;

  /** The most bytes (UTF-8) any text may take: Oracle's {@code VARCHAR2} limit. */
  static final int MAX_BYTES = 4000;

  public AuditEvent {
    actor = required(actor, "actor", ACTOR_WIDTH);
    target = required(target, "target", TARGET_WIDTH);
    origin = required(origin, "origin", ORIGIN_WIDTH);
    bankCode = bankCode == null || bankCode.isBlank() ? null : clean(bankCode, BANK_WIDTH);
    detail = detail == null ? "" : clean(detail, DETAIL_WIDTH);
    if (action == null || at == null) {
      throw new IllegalArgumentException("an audit event needs an action and a time");
    }
    at = at.truncatedTo(ChronoUnit.MICROS);
  }

  private static String required(String value, String name, int width) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("an audit event needs a " + name);
    }
    return clean(value, width);
  }

  /**
   * The value's leading characters that fit in {@code width} characters and in {@link #MAX_BYTES}
   * bytes of UTF-8 (Oracle keeps a {@code VARCHAR2} within 4,000 bytes, and a Chinese character
   * takes three).
   */
  private static String clean(String value, int width) {
    StringBuilder text = new StringBuilder(Math.min(value.length(), width));
    int bytes = 0;
    for (int c : value.strip().codePoints().toArray()) {
      int cp = Character.isISOControl(c) ? ' ' : c;
      int size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
      if (text.length() + Character.charCount(cp) > width || bytes + size > MAX_BYTES) {
        break;
      }
      text.appendCodePoint(cp);
      bytes += size;
    }
    return text.toString();
  }
}
