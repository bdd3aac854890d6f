package cn.timebank.standards.model;

/** How a bank states the amount of a service (spec §1), registered per bank. */
public enum AmountBasis {
  /** Standard hours come from {@code start}/{@code end} (most banks). */
  DURATION,
  /** {@code local_amount} is in the bank's coins; {@code coins_per_hour} is registered. */
  COINS,
  /** {@code local_amount} counts services; each counts the category's norm minutes. */
  PER_SERVICE
}
