package cn.timebank.ingestion.rules;

import cn.timebank.standards.minutes.StandardMinutes;
import java.util.Objects;

/**
 * One line of a posting: a signed, non-zero amount on one account. Positive adds hours to the
 * account (what it holds grows), negative takes them away: after an {@code ISSUED} service of 90
 * minutes the provider's line is +90 and {@code ISSUANCE}'s −90 (spec §6 sign convention).
 */
public record Line(Account account, StandardMinutes amount) {

  public Line {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(amount, "amount");
    if (amount.isZero()) {
      throw new IllegalArgumentException("a line of zero minutes moves nothing");
    }
  }

  public static Line of(Account account, long minutes) {
    return new Line(account, StandardMinutes.of(minutes));
  }

  /** The same account, the opposite amount. */
  public Line reversed() {
    return new Line(account, amount.negate());
  }
}
