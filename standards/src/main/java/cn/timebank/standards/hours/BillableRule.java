package cn.timebank.standards.hours;

import cn.timebank.standards.codes.ResultCode;
import cn.timebank.standards.hours.HourResult.Rejected;
import cn.timebank.standards.model.AmountBasis;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Spec §3.2: billable minutes by amount basis. {@code DURATION}: actual minutes floored to the
 * rounding unit. {@code COINS}: floor(local_amount × 60 / coins_per_hour), floored to the unit.
 * {@code PER_SERVICE}: local_amount × the category's norm minutes (a multiple of the unit, which
 * the loader checks), local_amount being a whole number ≥ 1 (R102 otherwise).
 */
final class BillableRule {

  private static final BigDecimal SIXTY = BigDecimal.valueOf(60);

  private BillableRule() {}

  /** Billable minutes before the maximum is checked; may be huge for a wild local_amount. */
  static BigDecimal billable(
      HourRequest request,
      HourStandard standard,
      OptionalLong actual,
      Optional<Category> category) {
    int unit = standard.duration().roundingUnit();
    return switch (request.basis()) {
      case DURATION -> floorTo(BigDecimal.valueOf(actual.orElseThrow()), unit);
      case COINS -> {
        BigDecimal coins = request.localAmount().orElseThrow();
        BigDecimal perHour = request.coinsPerHour().orElseThrow();
        yield floorTo(coins.multiply(SIXTY).divide(perHour, 0, RoundingMode.FLOOR), unit);
      }
      case PER_SERVICE ->
          request
              .localAmount()
              .orElseThrow()
              .multiply(BigDecimal.valueOf(category.orElseThrow().normMinutes()));
    };
  }

  private static BigDecimal floorTo(BigDecimal minutes, int unit) {
    BigDecimal u = BigDecimal.valueOf(unit);
    return minutes.divide(u, 0, RoundingMode.FLOOR).multiply(u);
  }

  static Optional<Rejected> malformedAmount(HourRequest request) {
    Optional<BigDecimal> amount = request.localAmount();
    if (request.basis() == AmountBasis.COINS && amount.orElseThrow().signum() < 0) {
      return Optional.of(
          new Rejected(ResultCode.R102, "local_amount", "a coin amount must not be negative"));
    }
    if (request.basis() == AmountBasis.PER_SERVICE) {
      BigDecimal count = amount.orElseThrow();
      boolean whole = count.signum() == 0 || count.stripTrailingZeros().scale() <= 0;
      if (!whole || count.compareTo(BigDecimal.ONE) < 0) {
        return Optional.of(
            new Rejected(
                ResultCode.R102,
                "local_amount",
                "a service count must be a whole number ≥ 1 (was " + count.toPlainString() + ")"));
      }
    }
    return Optional.empty();
  }
}
