package cn.timebank.ingestion.stream.replay;

import cn.timebank.ingestion.stream.sink.DatabaseSink;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Counts the published events as they reach the database (a {@link DatabaseSink} listener): by
 * event id, and the events that were not JSON (their rejects have no event id) by number.
 */
public final class ReplayProgress implements Consumer<DatabaseSink.Written> {

  private final Set<String> expected = ConcurrentHashMap.newKeySet();
  private final AtomicInteger unreadable = new AtomicInteger();
  private final Map<String, DatabaseSink.Written> written = new ConcurrentHashMap<>();
  private final AtomicInteger unreadableWritten = new AtomicInteger();
  private final Set<String> appliedBefore = ConcurrentHashMap.newKeySet();
  private final int total;

  public ReplayProgress(List<PackageReplay.Event> events) {
    for (PackageReplay.Event e : events) {
      if (e.ref() == null
          && !new String(e.value(), java.nio.charset.StandardCharsets.UTF_8).startsWith("{")) {
        unreadable.incrementAndGet();
      } else {
        expected.add(e.bankCode() + "/" + e.eventId());
      }
    }
    this.total = events.size();
  }

  /**
   * Counts the events whose ids the database held as applied before they were published (a replay
   * of a package replayed before): re-sends, which reach no outcome.
   */
  public void appliedBefore(DatabaseSink sink) {
    Map<String, List<String>> byBank = new TreeMap<>();
    for (String id : expected) {
      int slash = id.indexOf('/');
      byBank
          .computeIfAbsent(id.substring(0, slash), b -> new java.util.ArrayList<>())
          .add(id.substring(slash + 1));
    }
    byBank.forEach(
        (bank, ids) -> sink.applied(bank, ids).forEach(id -> appliedBefore.add(bank + "/" + id)));
  }

  @Override
  public void accept(DatabaseSink.Written w) {
    String id = w.bankCode() + "/" + w.eventId();
    if (appliedBefore.contains(id)) {
      return; // counted already
    }
    if (expected.contains(id)) {
      written.put(id, w);
    } else if (w.eventId().startsWith("offset:")) {
      unreadableWritten.incrementAndGet();
    }
  }

  public int missing() {
    return total
        - appliedBefore.size()
        - written.size()
        - Math.min(unreadable.get(), unreadableWritten.get());
  }

  /**
   * Waits until every event reached the database, the time is up, or {@code failure} says why not.
   */
  public boolean await(Duration timeout, Supplier<Optional<String>> failure)
      throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (missing() > 0) {
      if (System.nanoTime() > end || failure.get().isPresent()) {
        return false;
      }
      Thread.sleep(100);
    }
    return true;
  }

  /** The events' outcomes by event id ({@code bank/event_id}). */
  public Map<String, DatabaseSink.Written> written() {
    return Map.copyOf(written);
  }

  /** An applied event the database already held (its row said so): skipped, not applied again. */
  private static boolean skipped(DatabaseSink.Written w) {
    return w.duplicate() && !w.outcome().equals("REJECTED");
  }

  /**
   * The counts as the command prints them. Each event counts once: a rejected event sent again is
   * judged again and counts as rejected (its row in the database was already there), an event
   * applied before counts as already in the database.
   */
  public String summary() {
    Map<String, Integer> outcomes = new TreeMap<>();
    Map<String, Integer> rejected = new TreeMap<>();
    Map<String, Integer> alerts = new TreeMap<>();
    for (DatabaseSink.Written w : written.values()) {
      if (skipped(w)) {
        continue; // counted as already in the database
      }
      outcomes.merge(w.outcome(), 1, Integer::sum);
      if (w.outcome().equals("REJECTED")) {
        w.codes().forEach(c -> rejected.merge(c, 1, Integer::sum));
      } else {
        w.codes().forEach(c -> alerts.merge(c, 1, Integer::sum));
      }
    }
    int unread = Math.min(unreadable.get(), unreadableWritten.get());
    if (unread > 0) {
      outcomes.merge("REJECTED", unread, Integer::sum);
      rejected.merge("R102", unread, Integer::sum);
    }
    return "events:   "
        + total
        + "\naccepted: "
        + outcomes.getOrDefault("ACCEPTED", 0)
        + "\nconfirmed: "
        + outcomes.getOrDefault("CONFIRMED", 0)
        + "\nrejected: "
        + outcomes.getOrDefault("REJECTED", 0)
        + " "
        + rejected
        + "\nalerts:   "
        + alerts.values().stream().mapToInt(Integer::intValue).sum()
        + " "
        + alerts
        + "\nalready in the database (same event id, skipped): "
        + (appliedBefore.size() + written.values().stream().filter(ReplayProgress::skipped).count())
        + "\n";
  }
}
