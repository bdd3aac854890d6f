package cn.timebank.app.access;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per credential: {@code perMinute} requests at once, refilled evenly over a minute.
 * In memory, per server: behind a load balancer each instance counts its own.
 */
final class RateLimiter {

  private static final double NANOS_PER_MINUTE = 60e9;

  private final int perMinute;
  private final Clock clock;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  RateLimiter(int perMinute, Clock clock) {
    this.perMinute = perMinute;
    this.clock = clock;
  }

  int perMinute() {
    return perMinute;
  }

  /** 0 when the request may go on, otherwise the seconds to wait before the next one. */
  long acquire(String credential) {
    long now = clock.millis() * 1_000_000L;
    return buckets.computeIfAbsent(credential, c -> new Bucket(perMinute, now)).take(now);
  }

  private final class Bucket {
    private double available;
    private long updated;

    Bucket(double available, long updated) {
      this.available = available;
      this.updated = updated;
    }

    synchronized long take(long now) {
      double refill = (now - updated) * perMinute / NANOS_PER_MINUTE;
      available = Math.min(perMinute, available + Math.max(0, refill));
      updated = Math.max(updated, now);
      if (available >= 1) {
        available -= 1;
        return 0;
      }
      double missing = 1 - available;
      return Math.max(1, (long) Math.ceil(missing * 60.0 / perMinute));
    }
  }
}
