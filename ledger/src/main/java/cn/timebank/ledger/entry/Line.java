package cn.timebank.ledger.entry;

import cn.timebank.standards.minutes.StandardMinutes;
import org.jspecify.annotations.Nullable;

/**
 * One line of a posting: a signed amount on one account. Positive adds hours to the account
 * (credit, in the spec's sign convention), negative takes them away (debit).
 */
public record Line(
    AccountKind accountKind, @Nullable String participantRef, StandardMinutes amount) {

  public Line {
    new Account(accountKind, participantRef); // validates the pair
    if (amount.isZero()) {
      throw new IllegalArgumentException("a ledger line of zero minutes moves nothing");
    }
  }

  public static Line of(Account account, StandardMinutes amount) {
    return new Line(account.kind(), account.participantRef(), amount);
  }

  public static Line participant(String participantRef, long minutes) {
    return of(Account.participant(participantRef), StandardMinutes.of(minutes));
  }

  public static Line bank(AccountKind kind, long minutes) {
    return new Line(kind, null, StandardMinutes.of(minutes));
  }

  public Account account() {
    return new Account(accountKind, participantRef);
  }

  /** The same account, the opposite amount: the line of a reversal. */
  public Line reversed() {
    return new Line(accountKind, participantRef, amount.negate());
  }
}
