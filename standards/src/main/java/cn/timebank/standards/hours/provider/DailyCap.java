package cn.timebank.standards.hours.provider;

import cn.timebank.standards.hours.HourStandard;
import cn.timebank.standards.hours.StandardVersions;
import cn.timebank.standards.minutes.StandardMinutes;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Spec §3.4: a provider is credited at most the daily cap of weighted minutes per calendar day of
 * the services' start, across all banks. The services of a day are taken in {@link
 * ProviderService#DAILY_CAP_ORDER}; each gets what is left of the cap, the excess is not credited
 * (W201). The result does not depend on the order in which services are given.
 */
public final class DailyCap {

  private final StandardMinutes cap;

  public DailyCap(StandardMinutes cap) {
    this.cap = Objects.requireNonNull(cap, "cap");
    if (!cap.isPositive()) {
      throw new IllegalArgumentException("the daily cap is positive");
    }
  }

  /** The cap of {@code standard}. */
  public static DailyCap of(HourStandard standard) {
    return new DailyCap(standard.caps().dailyCap());
  }

  /**
   * Caps one provider-day: all {@code services} start on the same day and belong to one person.
   * Returns one credit per service, in the daily-cap order.
   */
  public List<DailyCredit> apply(Collection<ProviderService> services) {
    ProviderService.requireOnce(services);
    if (services.stream().map(s -> s.start().toLocalDate()).distinct().count() > 1) {
      throw new IllegalArgumentException("the daily cap takes the services of one day");
    }
    List<ProviderService> ordered = new ArrayList<>(services);
    ordered.sort(ProviderService.DAILY_CAP_ORDER);
    List<DailyCredit> credits = new ArrayList<>();
    StandardMinutes left = cap;
    for (ProviderService service : ordered) {
      StandardMinutes credited = service.weighted().min(left);
      left = left.minus(credited);
      credits.add(new DailyCredit(service, credited));
    }
    return credits;
  }

  /**
   * Caps every day of one provider's services, each day with the cap of the version in force on it.
   * Returns the credits in the daily-cap order.
   */
  public static List<DailyCredit> perDay(
      Collection<ProviderService> services, StandardVersions versions) {
    ProviderService.requireOnce(services);
    List<DailyCredit> credits = new ArrayList<>();
    for (Map.Entry<LocalDate, List<ProviderService>> day : byDay(services).entrySet()) {
      credits.addAll(of(versions.inForceOn(day.getKey())).apply(day.getValue()));
    }
    return credits;
  }

  /** The services grouped by the calendar day of their start, days in order. */
  public static SortedMap<LocalDate, List<ProviderService>> byDay(
      Collection<ProviderService> services) {
    SortedMap<LocalDate, List<ProviderService>> days = new TreeMap<>();
    for (ProviderService service : services) {
      days.computeIfAbsent(service.start().toLocalDate(), d -> new ArrayList<>()).add(service);
    }
    return days;
  }
}
