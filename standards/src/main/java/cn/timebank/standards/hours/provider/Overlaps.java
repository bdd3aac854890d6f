package cn.timebank.standards.hours.provider;

import java.time.LocalDateTime;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * W204 (spec §4): a provider's services that overlap, across banks. Intervals are half-open {@code
 * [start, end)}: one ending at 22:30 and one starting at 22:30 do not overlap. A service is flagged
 * when it overlaps one that comes earlier in {@link ProviderService#DAILY_CAP_ORDER}, so of two
 * overlapping services only the later one is flagged. Services without an end (a {@code
 * PER_SERVICE} bank may leave it empty) have no interval and take no part. The order runs over all
 * the services given, not per day, so a night service overlapping one of the next morning counts.
 */
public final class Overlaps {

  private Overlaps() {}

  /** The services that get W204, in the daily-cap order. */
  public static Set<ProviderService> flagged(Collection<ProviderService> services) {
    ProviderService.requireOnce(services);
    List<ProviderService> timed =
        services.stream()
            .filter(s -> s.end().isPresent())
            .sorted(ProviderService.DAILY_CAP_ORDER)
            .toList();
    Set<ProviderService> flagged = new LinkedHashSet<>();
    LocalDateTime latestEnd = null;
    for (ProviderService service : timed) {
      // Every earlier service starts no later than this one, so it overlaps this one exactly when
      // it ends after this one starts.
      if (latestEnd != null && latestEnd.isAfter(service.start())) {
        flagged.add(service);
      }
      LocalDateTime end = service.end().orElseThrow();
      if (latestEnd == null || end.isAfter(latestEnd)) {
        latestEnd = end;
      }
    }
    return flagged;
  }
}
