package cn.timebank.standards.model;

/** Spec §2 transaction {@code type}, with the field each type needs besides the common ones. */
public enum TransactionType {
  /** Gives hours to {@code counterparty_ref} (a relative). */
  GIFT,
  /** Gives hours to the bank's pool. */
  DONATION,
  /** Moves hours to {@code counterparty_bank} (通存通兑). */
  TRANSFER_OUT,
  /** Receives hours from {@code counterparty_bank}. */
  TRANSFER_IN,
  /** Cancels the record named by {@code reverses_ref}. */
  REVERSAL,
  /** The balance carried over from before the bank joined the platform. */
  OPENING_BALANCE;

  public boolean needsCounterpartyRef() {
    return this == GIFT;
  }

  public boolean needsCounterpartyBank() {
    return this == TRANSFER_OUT || this == TRANSFER_IN;
  }

  public boolean needsReversesRef() {
    return this == REVERSAL;
  }
}
