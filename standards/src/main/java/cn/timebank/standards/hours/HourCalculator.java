package cn.timebank.standards.hours;

import cn.timebank.standards.calendar.HolidayCalendar;
import cn.timebank.standards.codes.ResultCode;
import cn.timebank.standards.hours.HourResult.Computed;
import cn.timebank.standards.hours.HourResult.Rejected;
import cn.timebank.standards.minutes.StandardMinutes;
import cn.timebank.standards.model.AmountBasis;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Spec §3 steps 1-3 for one service, under the standard in force at its start: actual, billable and
 * weighted minutes. When several R codes apply the lowest-numbered one is returned (§4): R101 (end
 * or local_amount missing), R102 (local_amount malformed), R103, R104, R105 (the mapped category is
 * not in this version's catalogue).
 *
 * <p>Actual minutes are whole minutes: seconds are dropped. The daily cap (§3.4) is applied
 * afterwards, over a provider-day, by {@code hours.provider.DailyCap}.
 */
public final class HourCalculator {

  private final StandardVersions versions;
  private final HolidayCalendar calendar;

  public HourCalculator(StandardVersions versions, HolidayCalendar calendar) {
    this.versions = Objects.requireNonNull(versions, "versions");
    this.calendar = Objects.requireNonNull(calendar, "calendar");
  }

  /** The minutes of {@code request}; throws when no standard is in force at its start. */
  public HourResult calculate(HourRequest request) {
    HourStandard standard = versions.inForceOn(request.start().toLocalDate());
    AmountBasis basis = request.basis();
    if (basis != AmountBasis.PER_SERVICE && request.end().isEmpty()) {
      return new Rejected(ResultCode.R101, "end", "end is required for a " + basis + " bank");
    }
    if (basis != AmountBasis.DURATION && request.localAmount().isEmpty()) {
      return new Rejected(
          ResultCode.R101, "local_amount", "local_amount is required for a " + basis + " bank");
    }
    Optional<Rejected> malformed = BillableRule.malformedAmount(request);
    if (malformed.isPresent()) {
      return malformed.get();
    }
    int max = standard.duration().maxMinutes();
    OptionalLong actual = OptionalLong.empty();
    if (request.end().isPresent()) {
      LocalDateTime end = request.end().get();
      if (!end.isAfter(request.start())) {
        return new Rejected(ResultCode.R103, "end", "end " + end + " is not after start");
      }
      long minutes = Duration.between(request.start(), end).toMinutes();
      if (minutes > max) {
        return new Rejected(
            ResultCode.R104, "end", minutes + " actual minutes exceed the maximum " + max);
      }
      actual = OptionalLong.of(minutes);
    }
    Optional<Category> category = standard.category(request.categoryCode());
    if (category.isEmpty() && basis == AmountBasis.PER_SERVICE) {
      return unknownCategory(request, standard);
    }
    BigDecimal billable = BillableRule.billable(request, standard, actual, category);
    if (billable.compareTo(BigDecimal.valueOf(max)) > 0) {
      return new Rejected(
          ResultCode.R104,
          "local_amount",
          billable.toPlainString() + " billable minutes exceed the maximum " + max);
    }
    if (category.isEmpty()) {
      return unknownCategory(request, standard);
    }
    return weigh(request, standard, actual, billable.longValueExact(), category.get());
  }

  private Computed weigh(
      HourRequest request,
      HourStandard standard,
      OptionalLong actual,
      long billable,
      Category category) {
    BandRule.Applied band = BandRule.of(standard.bands(), request.start(), calendar);
    boolean belowMinimum = billable < standard.duration().minimumBillable();
    StandardMinutes weighted =
        belowMinimum
            ? StandardMinutes.ZERO
            : StandardMinutes.of(
                BigDecimal.valueOf(billable)
                    .multiply(category.weight())
                    .multiply(band.factor())
                    .setScale(0, RoundingMode.HALF_UP)
                    .longValueExact());
    return new Computed(
        standard.version(),
        actual,
        billable,
        band.band(),
        band.factor(),
        category.weight(),
        weighted,
        belowMinimum ? List.of(ResultCode.W202) : List.of());
  }

  private static Rejected unknownCategory(HourRequest request, HourStandard standard) {
    return new Rejected(
        ResultCode.R105,
        "local_category",
        "unified category "
            + request.categoryCode()
            + " is not in the catalogue of "
            + standard.version());
  }
}
