package cn.timebank.standards.hours;

import cn.timebank.standards.codes.ResultCode;
import cn.timebank.standards.minutes.StandardMinutes;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/** What the {@link HourCalculator} made of one service: rejected, or computed. */
public sealed interface HourResult permits HourResult.Rejected, HourResult.Computed {

  /** The service is rejected with an R code naming the field (spec §4). */
  record Rejected(ResultCode code, String field, String detail) implements HourResult {
    public Rejected {
      Objects.requireNonNull(code, "code");
      Objects.requireNonNull(field, "field");
      Objects.requireNonNull(detail, "detail");
      if (!code.rejectsRecord()) {
        throw new IllegalArgumentException(code + " does not reject a record");
      }
    }
  }

  /**
   * The service's minutes under the standard {@code version}: actual minutes (empty for a {@code
   * PER_SERVICE} service without end), billable minutes, the band and its factor, the category
   * weight, and the weighted minutes before the daily cap, which are zero under W202.
   */
  record Computed(
      String version,
      OptionalLong actualMinutes,
      long billableMinutes,
      TimeBand band,
      BigDecimal factor,
      BigDecimal weight,
      StandardMinutes weighted,
      List<ResultCode> warnings)
      implements HourResult {
    public Computed {
      Objects.requireNonNull(version, "version");
      Objects.requireNonNull(actualMinutes, "actualMinutes");
      Objects.requireNonNull(band, "band");
      Objects.requireNonNull(factor, "factor");
      Objects.requireNonNull(weight, "weight");
      Objects.requireNonNull(weighted, "weighted");
      warnings = List.copyOf(warnings);
      if (billableMinutes < 0 || weighted.isNegative()) {
        throw new IllegalArgumentException("minutes are never negative");
      }
      if (warnings.stream().anyMatch(code -> !code.isWarning())) {
        throw new IllegalArgumentException("only W codes accompany a computed service");
      }
    }

    /** W202: below the minimum billable time, nothing credited. */
    public boolean belowMinimum() {
      return warnings.contains(ResultCode.W202);
    }
  }
}
