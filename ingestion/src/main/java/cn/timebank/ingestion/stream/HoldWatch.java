package cn.timebank.ingestion.stream;

import cn.timebank.ingestion.hold.Hold;
import cn.timebank.ingestion.hold.LiveHolds;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ledger task's side of one writer at a time ({@code cn.timebank.ingestion.hold}). A thread of
 * its own says every {@link #LOOK_INTERVAL} that the task runs and reads the holds; on the task's
 * thread, {@link #step} then:
 *
 * <ul>
 *   <li>begins to hold for every open hold (requested, not done, lease valid) — an index row {@link
 *       StoreKeys#holding}, written in the task's transaction, so a restarted task holds at once —
 *       and gives a {@link HoldMark} for every request not yet acknowledged: the processor forwards
 *       it to {@link Topics#RECORDS} after every event it judged before, and the database sink
 *       acknowledges the request when it gets there;
 *   <li>ends the hold for a package once the state has taken it in, or when its hold is gone (the
 *       run failed) or its lease ran out (the batch's process died).
 * </ul>
 *
 * While any package is held, the processor holds every event that arrives (as during the first
 * load), and judges them in arrival order afterwards. Until the first look has answered, nothing is
 * ended.
 */
final class HoldWatch implements AutoCloseable {

  /** How often the task says it runs and reads the holds. */
  static final Duration LOOK_INTERVAL = Duration.ofSeconds(1);

  private static final Logger LOG = LoggerFactory.getLogger(HoldWatch.class);
  private static final StringSerializer KEYS = new StringSerializer();

  private final LiveHolds holds;
  private final KeyValueStore<String, String> index;
  private final String instance = UUID.randomUUID().toString();
  private final ScheduledExecutorService looking;
  private final Map<String, String> holding = new HashMap<>();
  private final Set<String> marked = new HashSet<>();
  private volatile @Nullable List<Hold> last;
  private long failures;

  HoldWatch(LiveHolds holds, KeyValueStore<String, String> index) {
    this.holds = holds;
    this.index = index;
    String prefix = StoreKeys.holding("");
    try (KeyValueIterator<String, String> rows = index.prefixScan(prefix, KEYS)) {
      rows.forEachRemaining(row -> holding.put(row.key.substring(prefix.length()), row.value));
    }
    this.looking =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "ledger-live-holds");
              thread.setDaemon(true);
              return thread;
            });
    looking.scheduleWithFixedDelay(this::look, 0, LOOK_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Whether events must wait: a package is being applied, or taken in. */
  boolean holding() {
    return !holding.isEmpty();
  }

  /**
   * On the task's thread: begins and ends holds after the last look; the marks to forward.
   *
   * @param tookIn whether the state has taken in a package
   */
  List<HoldMark> step(Predicate<String> tookIn) {
    List<Hold> now = last;
    if (now == null) {
      return List.of();
    }
    Instant at = Instant.now();
    List<HoldMark> marks = new ArrayList<>();
    Map<String, Hold> byPackage = new HashMap<>();
    for (Hold hold : now) {
      byPackage.put(hold.packageId(), hold);
      if (hold.open(at) && !tookIn.test(hold.packageId())) {
        if (!hold.requestId().equals(holding.get(hold.packageId()))) {
          holding.put(hold.packageId(), hold.requestId());
          index.put(StoreKeys.holding(hold.packageId()), hold.requestId());
          LOG.info("The live path holds its events while package {} is applied", hold.packageId());
        }
        if (hold.heldAt() == null && marked.add(hold.requestId())) {
          marks.add(new HoldMark(hold.packageId(), hold.requestId()));
        }
      }
    }
    for (String packageId : List.copyOf(holding.keySet())) {
      Hold hold = byPackage.get(packageId);
      boolean failed = hold == null || (hold.doneAt() == null && !hold.leaseUntil().isAfter(at));
      if (tookIn.test(packageId) || failed) {
        holding.remove(packageId);
        index.delete(StoreKeys.holding(packageId));
        LOG.info(
            "The live path judges events again: package {} {}",
            packageId,
            failed ? "is no longer being applied (its run failed or stopped)" : "is taken in");
      }
    }
    return marks;
  }

  /** On the looking thread. */
  private void look() {
    try {
      last = List.copyOf(holds.look(instance, Instant.now()));
      failures = 0;
    } catch (RuntimeException e) {
      if (failures++ % 60 == 0) {
        LOG.warn(
            "The live path could not read the package holds (tried every second): {}",
            e.toString());
      }
    }
  }

  @Override
  public void close() {
    looking.shutdownNow();
    try {
      holds.leave(instance);
    } catch (RuntimeException e) {
      LOG.debug("could not say that the live path stopped", e);
    }
  }
}
