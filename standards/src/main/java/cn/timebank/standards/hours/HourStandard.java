package cn.timebank.standards.hours;

import cn.timebank.standards.minutes.StandardMinutes;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One version of the unified hour standard (spec §3, §5): every (config) number of a version file
 * such as {@code TBHS-2024.1.yaml}, typed. Obtain it from {@link StandardVersions#inForceOn}.
 */
public record HourStandard(
    String version,
    LocalDate effectiveFrom,
    Duration duration,
    Bands bands,
    Caps caps,
    Schedule schedule,
    Ages ages,
    List<Category> catalogue) {

  public HourStandard {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(effectiveFrom, "effectiveFrom");
    Objects.requireNonNull(duration, "duration");
    Objects.requireNonNull(bands, "bands");
    Objects.requireNonNull(caps, "caps");
    Objects.requireNonNull(schedule, "schedule");
    Objects.requireNonNull(ages, "ages");
    catalogue = List.copyOf(catalogue);
    if (catalogue.isEmpty()) {
      throw new IllegalArgumentException(version + ": the catalogue is empty");
    }
    if (catalogue.stream().map(Category::code).distinct().count() != catalogue.size()) {
      throw new IllegalArgumentException(version + ": a category code is repeated");
    }
  }

  /** The category with this unified code, if this version has it. */
  public Optional<Category> category(String code) {
    return catalogue.stream().filter(c -> c.code().equals(code)).findFirst();
  }

  /** §3.1-3.2: the longest service, the rounding unit and the minimum billable minutes. */
  public record Duration(int maxMinutes, int roundingUnit, int minimumBillable) {
    public Duration {
      if (maxMinutes <= 0 || roundingUnit <= 0 || minimumBillable < 0) {
        throw new IllegalArgumentException("duration numbers must be positive");
      }
    }
  }

  /** §3.3: the night band, the holiday factor and whether bands stack. */
  public record Bands(NightBand night, BigDecimal holidayFactor, boolean stack) {
    public Bands {
      Objects.requireNonNull(night, "night");
      if (holidayFactor.signum() <= 0) {
        throw new IllegalArgumentException("the holiday factor must be positive");
      }
    }
  }

  /** §3.3: the night band {@code [from, to)}, wrapping midnight when {@code to} is before from. */
  public record NightBand(LocalTime from, LocalTime to, BigDecimal factor) {
    public NightBand {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
      if (from.equals(to) || factor.signum() <= 0) {
        throw new IllegalArgumentException("a night band needs from ≠ to and a positive factor");
      }
    }

    /** True when a service starting at {@code time} starts in the night band. */
    public boolean contains(LocalTime time) {
      return from.isBefore(to)
          ? !time.isBefore(from) && time.isBefore(to)
          : !time.isBefore(from) || time.isBefore(to);
    }
  }

  /** §3.4-3.5: the daily cap per provider and the storage cap per participant and bank. */
  public record Caps(int dailyCapMinutes, int storageCapHours) {
    public Caps {
      if (dailyCapMinutes <= 0 || storageCapHours <= 0) {
        throw new IllegalArgumentException("caps must be positive");
      }
    }

    public StandardMinutes dailyCap() {
      return StandardMinutes.of(dailyCapMinutes);
    }

    public StandardMinutes storageCap() {
      return StandardMinutes.ofHours(storageCapHours);
    }
  }

  /** §5 and §4: the due rule, the correction window, W207's and W205's day counts. */
  public record Schedule(
      int dueDaysAfterMonthEnd,
      LocalTime dueTime,
      ZoneId zone,
      int correctionWindowMonths,
      int transferMatchDays,
      int recordingLagDays) {
    public Schedule {
      Objects.requireNonNull(dueTime, "dueTime");
      Objects.requireNonNull(zone, "zone");
      if (dueDaysAfterMonthEnd < 0
          || correctionWindowMonths < 0
          || transferMatchDays < 0
          || recordingLagDays < 0) {
        throw new IllegalArgumentException("schedule numbers must not be negative");
      }
    }
  }

  /** §3.6: the provider's and the redeeming recipient's minimum ages in full years. */
  public record Ages(int providerMinAge, int redemptionMinAge) {
    public Ages {
      if (providerMinAge < 0 || redemptionMinAge < 0) {
        throw new IllegalArgumentException("ages must not be negative");
      }
    }
  }
}
