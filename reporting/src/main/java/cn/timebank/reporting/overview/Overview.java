package cn.timebank.reporting.overview;

import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The banks of a region (every bank whose region code starts with the prefix) in one period, each
 * with the figures the supervision overview ranks and lists, as SQL aggregated them.
 *
 * @param region the region-code prefix asked for (e.g. {@code 31} for Shanghai)
 * @param banks ranked: rated banks by total score (highest first), then the unrated, by bank code
 */
public record Overview(String region, String period, List<BankLine> banks) {

  public Overview {
    banks = List.copyOf(banks);
  }

  /**
   * One bank's period.
   *
   * @param rating the newest stored rating's total score; null when the period is not rated
   * @param packages packages of the period that were not rejected
   * @param latePackages of those, the ones received after the due date
   * @param daysLate the rating's days late (null when not rated)
   * @param recordsRead records read over the period's packages (rating; null when not rated)
   * @param recordsRejected of those, rejected (rating; null when not rated)
   * @param openTransfers transfer items of the bank up to the period's end still without their
   *     other side
   * @param openMinutes their minutes
   * @param findings anomaly findings of the period
   */
  public record BankLine(
      String bankCode,
      String name,
      String regionCode,
      @Nullable BigDecimal rating,
      @Nullable String grade,
      long packages,
      long latePackages,
      @Nullable Long daysLate,
      @Nullable Long recordsRead,
      @Nullable Long recordsRejected,
      long openTransfers,
      long openMinutes,
      long findings) {

    /** Late when a package came late, the rating counts days late, or nothing came at all. */
    public boolean lateSubmitter() {
      return latePackages > 0 || packages == 0 || (daysLate != null && daysLate > 0);
    }

    /** Rejected / read in percent, two decimals; null when not rated or nothing was read. */
    public @Nullable BigDecimal rejectionPercent() {
      if (recordsRead == null || recordsRejected == null || recordsRead == 0) {
        return null;
      }
      return BigDecimal.valueOf(recordsRejected)
          .multiply(BigDecimal.valueOf(100))
          .divide(BigDecimal.valueOf(recordsRead), 2, java.math.RoundingMode.HALF_UP);
    }
  }
}
