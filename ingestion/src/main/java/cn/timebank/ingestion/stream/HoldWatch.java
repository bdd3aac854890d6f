package cn.timebank.ingestion.stream;

import cn.timebank.ingestion.DaemonThreads;
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
 *   <li>ends the hold for a package once the state has taken it in; when its run stopped before its
 *       end (failed, or its lease ran out: the batch's process died), once the state has taken in
 *       what the run committed ({@link StateIntake#takeInPart}); at once when its hold is gone
 *       (nothing was applied); and, with a warning, when the state still has not taken in what it
 *       waits for {@link #TAKE_IN_LIMIT} after the run ended. A hold first seen ended (the task
 *       restarted, or looked late) is held for likewise.
 * </ul>
 *
 * While any package is held, the processor holds every event that arrives (as during the first
 * load), and judges them in arrival order afterwards. Until the first look has answered, nothing is
 * ended.
 */
final class HoldWatch implements AutoCloseable {

  /** How often the task says it runs and reads the holds. */
  static final Duration LOOK_INTERVAL = Duration.ofSeconds(1);

  /**
   * The longest a package whose run ended is waited for: one the state cannot take in (its read
   * keeps failing) must not stop the live path for good.
   */
  static final Duration TAKE_IN_LIMIT = Duration.ofMinutes(30);

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
        Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("ledger-live-holds"));
    looking.scheduleWithFixedDelay(this::look, 0, LOOK_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Whether events must wait: a package is being applied, or taken in. */
  boolean holding() {
    return !holding.isEmpty();
  }

  /**
   * On the task's thread: begins and ends holds after the last look; the marks to forward.
   *
   * @param intake what the state has taken in, and where a stopped run's part is asked for
   */
  List<HoldMark> step(StateIntake intake) {
    List<Hold> now = last;
    if (now == null) {
      return List.of();
    }
    Instant at = Instant.now();
    List<HoldMark> marks = new ArrayList<>();
    Map<String, Hold> byPackage = new HashMap<>();
    for (Hold hold : now) {
      String packageId = hold.packageId();
      byPackage.put(packageId, hold);
      if (awaited(hold, at, intake)
          && !intake.tookIn(packageId)
          && !hold.requestId().equals(holding.get(packageId))) {
        holding.put(packageId, hold.requestId());
        index.put(StoreKeys.holding(packageId), hold.requestId());
        LOG.info("The live path holds its events while package {} is applied", packageId);
      }
      if (hold.open(at) && hold.heldAt() == null && marked.add(hold.requestId())) {
        marks.add(new HoldMark(packageId, hold.requestId())); // also when taken in: it answers
      }
    }
    for (String packageId : List.copyOf(holding.keySet())) {
      Hold hold = byPackage.get(packageId);
      String why = null;
      if (hold == null) {
        why = "is no longer being applied (nothing of it was)";
      } else if (intake.tookIn(packageId)) {
        why = "is taken in";
      } else if (endedWithoutReceipt(hold, at)) {
        if (intake.tookInPart(hold.requestId())) {
          why =
              "stopped before its end (its run failed or its process died): what it committed is"
                  + " taken in";
        } else {
          intake.takeInPart(packageId, hold.requestId());
        }
      }
      boolean overdue = why == null && hold != null && !awaited(hold, at, intake);
      if (why != null || overdue) {
        holding.remove(packageId);
        index.delete(StoreKeys.holding(packageId));
        if (overdue) {
          LOG.warn(
              "The live path judges events again: package {} is not taken in {} min after its run"
                  + " ended (see the warnings about reading it)",
              packageId,
              TAKE_IN_LIMIT.toMinutes());
        } else {
          LOG.info("The live path judges events again: package {} {}", packageId, why);
        }
      }
    }
    return marks;
  }

  /**
   * Whether events wait for the package: its run goes on, or it ended not long ago and the state
   * has still to take in what it wrote (the package, or the part a run that stopped committed).
   */
  private static boolean awaited(Hold hold, Instant at, StateIntake intake) {
    if (hold.open(at)) {
      return true;
    }
    Instant ended = hold.ended() != null ? hold.ended() : hold.leaseUntil();
    if (!ended.plus(TAKE_IN_LIMIT).isAfter(at)) {
      return false;
    }
    return hold.doneAt() != null || !intake.tookInPart(hold.requestId());
  }

  /** The run failed, or its lease ran out (its process died): no receipt will come of it. */
  private static boolean endedWithoutReceipt(Hold hold, Instant at) {
    return hold.doneAt() == null && (hold.failedAt() != null || !hold.leaseUntil().isAfter(at));
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
      looking.awaitTermination(2, TimeUnit.SECONDS); // a look under way would say it runs again
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      holds.leave(instance);
    } catch (RuntimeException e) {
      LOG.debug("could not say that the live path stopped", e);
    }
  }
}
