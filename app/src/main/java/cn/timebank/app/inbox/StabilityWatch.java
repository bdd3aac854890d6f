package cn.timebank.app.inbox;

import cn.timebank.app.inbox.Arrival.Fingerprint;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Remembers what each look at the inbox saw, and lets a package through only once it has been seen
 * unchanged on a later look, at least {@code stableFor} after it last changed.
 */
final class StabilityWatch {

  private record Seen(Fingerprint fingerprint, Instant since) {}

  private final Duration stableFor;
  private final Map<Path, Seen> seen = new HashMap<>();

  StabilityWatch(Duration stableFor) {
    this.stableFor = stableFor;
  }

  /** The arrivals of this look that are ready to be taken. */
  List<Arrival> ready(List<Arrival> arrivals, Instant now) {
    Set<Path> present = arrivals.stream().map(Arrival::path).collect(Collectors.toSet());
    seen.keySet().retainAll(present);
    return arrivals.stream().filter(arrival -> stable(arrival, now)).toList();
  }

  /** Forgets a package (taken, or moved away). */
  void forget(Path path) {
    seen.remove(path);
  }

  private boolean stable(Arrival arrival, Instant now) {
    Seen before = seen.get(arrival.path());
    if (before == null || !before.fingerprint().equals(arrival.fingerprint())) {
      seen.put(arrival.path(), new Seen(arrival.fingerprint(), now));
      return false;
    }
    return !now.isBefore(before.since().plus(stableFor));
  }
}
