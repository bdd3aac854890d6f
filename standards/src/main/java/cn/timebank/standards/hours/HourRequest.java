package cn.timebank.standards.hours;

import cn.timebank.standards.model.AmountBasis;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * What the {@link HourCalculator} needs of one service: the bank's amount basis, the unified
 * category code (after the bank's mapping), start and end in Asia/Shanghai local time, the
 * service's {@code local_amount} and the bank's registered {@code coins_per_hour}. Missing record
 * fields stay empty here and are reported by the calculator (R101); a {@code COINS} request without
 * a positive {@code coinsPerHour} is a registry error and refused at once.
 */
public record HourRequest(
    AmountBasis basis,
    String categoryCode,
    LocalDateTime start,
    Optional<LocalDateTime> end,
    Optional<BigDecimal> localAmount,
    Optional<BigDecimal> coinsPerHour) {

  public HourRequest {
    Objects.requireNonNull(basis, "basis");
    Objects.requireNonNull(categoryCode, "categoryCode");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    Objects.requireNonNull(localAmount, "localAmount");
    Objects.requireNonNull(coinsPerHour, "coinsPerHour");
    if (basis == AmountBasis.COINS && coinsPerHour.filter(c -> c.signum() > 0).isEmpty()) {
      throw new IllegalArgumentException("a COINS bank has a positive coins_per_hour registered");
    }
  }

  /** A service of a {@code DURATION} bank. */
  public static HourRequest duration(String category, LocalDateTime start, LocalDateTime end) {
    return new HourRequest(
        AmountBasis.DURATION,
        category,
        start,
        Optional.of(end),
        Optional.empty(),
        Optional.empty());
  }

  /** A service of a {@code COINS} bank paid {@code coins} at {@code coinsPerHour}. */
  public static HourRequest coins(
      String category,
      LocalDateTime start,
      LocalDateTime end,
      BigDecimal coins,
      BigDecimal coinsPerHour) {
    return new HourRequest(
        AmountBasis.COINS,
        category,
        start,
        Optional.of(end),
        Optional.of(coins),
        Optional.of(coinsPerHour));
  }

  /** {@code count} services of a {@code PER_SERVICE} bank; {@code end} may be empty. */
  public static HourRequest perService(
      String category, LocalDateTime start, Optional<LocalDateTime> end, BigDecimal count) {
    return new HourRequest(
        AmountBasis.PER_SERVICE, category, start, end, Optional.of(count), Optional.empty());
  }
}
