package cn.timebank.scoring.rating;

import java.util.Objects;

/**
 * The figures a bank's rating is computed from, for one period.
 *
 * @param delivered whether the bank delivered a package for the period that was not rejected whole
 *     (RJCT)
 * @param daysLate calendar days (Asia/Shanghai) the first such package came after the due date; 0
 *     on time
 * @param filesExpected expected data file types
 * @param filesDelivered of them, those in the bank's non-RJCT packages of the period
 * @param read records read, all packages of the period (receipt {@code counts.files.*.read})
 * @param rejected records rejected (same)
 * @param accepted records accepted (same)
 * @param named distinct records of the bank named by the period's findings
 * @param corrections non-RJCT packages of the period with sequence above 1
 */
public record RatingInputs(
    String bank,
    boolean delivered,
    long daysLate,
    int filesExpected,
    int filesDelivered,
    long read,
    long rejected,
    long accepted,
    long named,
    int corrections) {

  public RatingInputs {
    Objects.requireNonNull(bank, "bank");
    if (daysLate < 0 || read < 0 || rejected < 0 || accepted < 0 || named < 0 || corrections < 0) {
      throw new IllegalArgumentException("rating inputs must not be negative: " + bank);
    }
  }
}
