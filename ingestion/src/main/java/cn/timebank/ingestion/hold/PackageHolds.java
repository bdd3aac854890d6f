package cn.timebank.ingestion.hold;

import cn.timebank.ingestion.DaemonThreads;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The batch's side of one writer at a time. Before a package's job runs, when a live path said
 * lately that it runs ({@link #FRESH}): asks it to hold its events and waits until the database
 * sink acknowledges that it does and that every event it judged before is in the database (at most
 * {@link #WAIT}; then the package is applied anyway and a warning logged — a live path that does
 * not answer must not stop the monthly packages). While the job runs its lease is renewed; when it
 * ends the hold is marked done (the live path holds until it has taken the package in) or failed
 * (the live path takes in what the run committed, then judges again). If the process dies, the
 * lease runs out ({@link #LEASE}) and the live path judges again; the package's run, started again,
 * asks again.
 */
public final class PackageHolds {

  /** A live path seen within this long runs. */
  public static final Duration FRESH = Duration.ofSeconds(10);

  /** The longest wait for the live path's acknowledgement. */
  public static final Duration WAIT = Duration.ofSeconds(30);

  /** How long a hold lasts without being renewed. */
  public static final Duration LEASE = Duration.ofSeconds(60);

  /** Done holds are removed after this long. */
  static final Duration KEPT = Duration.ofDays(1);

  private static final Logger LOG = LoggerFactory.getLogger(PackageHolds.class);

  /** One package's hold while its job runs. */
  public interface Held {

    /** No live path ran: nothing to end. */
    Held NONE = completed -> {};

    /** The job ended: {@code completed}, the receipt is stored; otherwise the run failed. */
    void end(boolean completed);
  }

  /** No live path can ever run beside the batch (a database of its own). */
  public static final PackageHolds NONE = new PackageHolds(null, Clock.systemUTC(), WAIT, LEASE);

  private final @Nullable LiveHoldStore store;
  private final Clock clock;
  private final Duration wait;
  private final Duration lease;

  public PackageHolds(LiveHoldStore store, Clock clock) {
    this(store, clock, WAIT, LEASE);
  }

  PackageHolds(@Nullable LiveHoldStore store, Clock clock, Duration wait, Duration lease) {
    this.store = store;
    this.clock = clock;
    this.wait = wait;
    this.lease = lease;
  }

  /** Before the package's job: holds the live path if one runs. */
  public Held begin(String packageId) {
    LiveHoldStore store = this.store;
    if (store == null) {
      return Held.NONE;
    }
    Instant now = clock.instant();
    store.forget(now.minus(KEPT));
    if (!store.liveSince(now.minus(FRESH))) {
      return Held.NONE;
    }
    String requestId = UUID.randomUUID().toString();
    store.request(packageId, requestId, now, now.plus(lease));
    ScheduledExecutorService renewing =
        Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("live-hold-" + packageId));
    try {
      long every = Math.max(1, lease.toMillis() / 4);
      renewing.scheduleWithFixedDelay(
          () -> renew(store, packageId, requestId), every, every, TimeUnit.MILLISECONDS);
      awaitHeld(store, packageId, requestId, now);
    } catch (RuntimeException e) {
      // a hold nobody ends would be renewed for ever and hold every event: it ends now
      renewing.shutdownNow();
      try {
        store.withdraw(packageId, requestId);
      } catch (RuntimeException again) {
        e.addSuppressed(again); // its lease runs out
      }
      throw e;
    }
    return completed -> {
      renewing.shutdownNow();
      try {
        if (completed) {
          store.done(packageId, requestId, clock.instant());
        } else {
          store.failed(packageId, requestId, clock.instant());
        }
      } catch (RuntimeException e) {
        // the package's outcome stands; the hold ends when its lease runs out
        LOG.warn(
            "package {}: the live path's hold could not be {} (it ends within {} s): {}",
            packageId,
            completed ? "marked done" : "marked failed",
            lease.toSeconds(),
            e.toString());
      }
    };
  }

  private void awaitHeld(LiveHoldStore store, String packageId, String requestId, Instant asked) {
    long deadline = System.nanoTime() + wait.toNanos();
    while (System.nanoTime() < deadline) {
      if (store.heldAt(packageId, requestId).isPresent()) {
        LOG.info(
            "package {}: the live path holds its events while the package is applied (after {}"
                + " ms)",
            packageId,
            Duration.between(asked, clock.instant()).toMillis());
        return;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    LOG.warn(
        "package {}: the live path did not hold its events within {} ms; the package is applied"
            + " while it may judge events for the same records (two writers, ingestion README)",
        packageId,
        wait.toMillis());
  }

  private void renew(LiveHoldStore store, String packageId, String requestId) {
    try {
      store.renew(packageId, requestId, clock.instant().plus(lease));
    } catch (RuntimeException e) {
      LOG.warn(
          "package {}: the live path's hold could not be renewed: {}", packageId, e.toString());
    }
  }
}
