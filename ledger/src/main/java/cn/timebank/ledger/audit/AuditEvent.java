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
 * <p>Texts are trimmed to their column's width and control characters (line ends included) become
 * blanks, so one event stays one line in every listing.
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

  private static String clean(String value, int width) {
    StringBuilder text = new StringBuilder(Math.min(value.length(), width));
    value
        .strip()
        .codePoints()
        .map(c -> Character.isISOControl(c) ? ' ' : c)
        .forEach(
            c -> {
              if (text.length() + Character.charCount(c) <= width) {
                text.appendCodePoint(c);
              }
            });
    return text.toString();
  }
}
