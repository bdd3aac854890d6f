package cn.timebank.ingestion.hold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.timebank.ingestion.support.TestDatabase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The batch's side of one writer at a time against a real database: a hold is asked for only when a
 * live path runs, the run waits for the database sink's acknowledgement (or goes on after the
 * wait), renews its lease, and marks the hold done or withdraws it.
 */
abstract class PackageHoldsContract {

  private static final Duration LONG = Duration.ofSeconds(20);

  abstract TestDatabase database();

  private LiveHoldStore store;
  private final Clock clock = Clock.systemUTC();

  @BeforeEach
  void clean() {
    JdbcTemplate jdbc = new JdbcTemplate(database().dataSource());
    jdbc.update("delete from live_holds");
    jdbc.update("delete from live_paths");
    store = new LiveHoldStore(database().dataSource());
  }

  @Test
  void withoutALivePathNothingIsHeld() {
    store.seen("long-gone", Instant.now().minus(Duration.ofMinutes(1)));

    PackageHolds.Held held = holds(LONG, LONG).begin("pkg-1");

    assertThat(held).isSameAs(PackageHolds.Held.NONE);
    assertThat(store.all()).isEmpty();
  }

  @Test
  void theRunWaitsForTheAcknowledgementAndMarksTheHoldDone() throws Exception {
    store.seen("task-1", Instant.now());
    CompletableFuture<Hold> sink = acknowledgeAfter(Duration.ofMillis(300));

    long start = System.nanoTime();
    PackageHolds.Held held = holds(LONG, LONG).begin("pkg-1");
    long waited = Duration.ofNanos(System.nanoTime() - start).toMillis();

    Hold asked = sink.get();
    assertThat(waited).isBetween(300L, LONG.toMillis() - 1);
    assertThat(store.all())
        .singleElement()
        .satisfies(
            h -> {
              assertThat(h.requestId()).isEqualTo(asked.requestId());
              assertThat(h.heldAt()).isNotNull();
              assertThat(h.doneAt()).isNull();
              assertThat(h.open(Instant.now())).isTrue();
            });

    held.end(true);
    assertThat(store.all())
        .singleElement()
        .satisfies(
            h -> {
              assertThat(h.doneAt()).isNotNull();
              assertThat(h.doneAt()).isAfterOrEqualTo(h.heldAt());
              assertThat(h.open(Instant.now())).as("no longer open: taken in next").isFalse();
            });
  }

  @Test
  void aFailedRunMarksItsHoldFailed() throws Exception {
    store.seen("task-1", Instant.now());
    CompletableFuture<Hold> sink = acknowledgeAfter(Duration.ZERO);
    PackageHolds.Held held = holds(LONG, LONG).begin("pkg-1");
    sink.get();

    held.end(false);

    assertThat(store.all())
        .singleElement()
        .satisfies(
            h -> {
              assertThat(h.failedAt()).isNotNull();
              assertThat(h.doneAt()).isNull();
              assertThat(h.open(Instant.now())).as("the live path takes in its part").isFalse();
            });
  }

  @Test
  void withoutAnAcknowledgementTheRunGoesOnAfterTheWait() {
    store.seen("task-1", Instant.now());

    long start = System.nanoTime();
    PackageHolds.Held held = holds(Duration.ofMillis(400), LONG).begin("pkg-1");
    try {
      assertThat(Duration.ofNanos(System.nanoTime() - start).toMillis()).isBetween(400L, 15_000L);
      assertThat(store.all()).singleElement().satisfies(h -> assertThat(h.heldAt()).isNull());
    } finally {
      held.end(true);
    }
  }

  @Test
  void aHoldWhoseWaitFailsIsWithdrawnAndNoLongerRenewed() throws Exception {
    store.seen("task-1", Instant.now());
    LiveHoldStore failing =
        new LiveHoldStore(database().dataSource()) {
          @Override
          public java.util.Optional<Instant> heldAt(String packageId, String requestId) {
            throw new IllegalStateException("the database went away");
          }
        };

    assertThatThrownBy(
            () -> new PackageHolds(failing, clock, LONG, Duration.ofMillis(200)).begin("pkg-1"))
        .hasMessageContaining("went away");

    assertThat(store.all()).as("withdrawn: it would hold every event").isEmpty();
    Thread.sleep(300); // longer than the renewal interval
    assertThat(Thread.getAllStackTraces().keySet())
        .extracting(Thread::getName)
        .doesNotContain("live-hold-pkg-1");
  }

  @Test
  void theLeaseIsRenewedWhileTheRunGoesOn() throws Exception {
    store.seen("task-1", Instant.now());
    CompletableFuture<Hold> sink = acknowledgeAfter(Duration.ZERO);
    PackageHolds.Held held = holds(LONG, Duration.ofMillis(600)).begin("pkg-1");
    try {
      sink.get();
      Thread.sleep(1_500); // twice the lease: open only if renewed
      assertThat(store.all())
          .singleElement()
          .satisfies(h -> assertThat(h.open(Instant.now())).isTrue());
    } finally {
      held.end(false);
    }
  }

  @Test
  void anAcknowledgementCountsOnlyForItsRequest() {
    store.request("pkg-1", "run-1", Instant.now(), Instant.now().plusSeconds(60));
    store.request("pkg-1", "run-2", Instant.now(), Instant.now().plusSeconds(60)); // run again

    store.held("pkg-1", "run-1", Instant.now()); // the first run's mark, late

    assertThat(store.heldAt("pkg-1", "run-2")).isEmpty();
    assertThat(store.all())
        .singleElement()
        .satisfies(h -> assertThat(h.requestId()).isEqualTo("run-2"));
    store.held("pkg-1", "run-2", Instant.now());
    assertThat(store.heldAt("pkg-1", "run-2")).isPresent();
  }

  @Test
  void aRunStartedAgainReplacesTheFailedRunsHoldAndALateEndOfTheOldRunLeavesItAlone() {
    Instant now = Instant.now();
    store.request("pkg-1", "run-1", now, now.plusSeconds(60));
    store.failed("pkg-1", "run-1", now);

    store.request("pkg-1", "run-2", now, now.plusSeconds(60));
    store.failed("pkg-1", "run-1", now); // the first run's end, late
    store.done("pkg-1", "run-1", now);

    assertThat(store.all())
        .singleElement()
        .satisfies(
            h -> {
              assertThat(h.requestId()).isEqualTo("run-2");
              assertThat(h.failedAt()).isNull();
              assertThat(h.doneAt()).isNull();
              assertThat(h.heldAt()).isNull();
              assertThat(h.open(Instant.now())).isTrue();
            });
  }

  @Test
  void doneHoldsAndStaleLivePathsAreForgotten() {
    Instant old = Instant.now().minus(Duration.ofDays(2));
    store.request("pkg-old", "run-1", old, old.plusSeconds(60));
    store.done("pkg-old", "run-1", old);
    store.request("pkg-failed", "run-1", old, old.plusSeconds(60));
    store.failed("pkg-failed", "run-1", old);
    store.request("pkg-open", "run-1", old, old.plusSeconds(60));
    store.seen("gone", old);
    store.seen("here", Instant.now());

    store.forget(Instant.now().minus(Duration.ofDays(1)));

    assertThat(store.all()).extracting(Hold::packageId).containsExactly("pkg-open");
    assertThat(store.liveSince(Instant.now().minusSeconds(10))).isTrue();
    store.left("here");
    assertThat(store.liveSince(Instant.now().minus(Duration.ofDays(3)))).isFalse();
  }

  @Test
  void aLivePathStartsOnlyWhenNoOtherOneRunsOnTheDatabase() {
    String serve = OneLivePath.name("timebank-ledger", "127.0.0.1:40123");
    String cluster = OneLivePath.name("timebank-ledger", "kafka-1:9092,kafka-2:9092");
    OneLivePath one = new OneLivePath(store, clock);
    store.seen(
        "killed",
        OneLivePath.name("timebank-ledger", "127.0.0.1:1"),
        Instant.now().minus(Duration.ofMinutes(1)));
    one.ensureNoOther(null); // a heartbeat older than FRESH: a live path whose process died

    store.seen("task-1", serve, Instant.now().minusSeconds(2));

    assertThatThrownBy(() -> one.ensureNoOther(null)) // an embedded broker about to start
        .isInstanceOfSatisfying(
            OneLivePath.AnotherLivePath.class,
            e -> {
              assertThat(e.livePath()).isEqualTo(serve);
              assertThat(e.servers()).isEqualTo("127.0.0.1:40123");
            })
        .hasMessageContaining("another live path takes events into this database (" + serve + ")")
        .hasMessageContaining("said 2 s ago");
    assertThatThrownBy(() -> one.ensureNoOther(cluster))
        .isInstanceOf(OneLivePath.AnotherLivePath.class);
    one.ensureNoOther(serve); // another instance of the same live path

    store.seen("task-1", serve, Instant.now()); // the heartbeat keeps its name
    assertThat(store.othersSince(cluster, Instant.now().minusSeconds(10)))
        .singleElement()
        .extracting(LiveHoldStore.LiveSeen::livePath)
        .isEqualTo(serve);
    store.left("task-1");
    one.ensureNoOther(null);

    store.seen("unnamed", Instant.now()); // a heartbeat without a name is another live path
    assertThatThrownBy(() -> one.ensureNoOther(serve))
        .isInstanceOfSatisfying(
            OneLivePath.AnotherLivePath.class, e -> assertThat(e.servers()).isNull());
  }

  @Test
  void instancesListingTheirBrokersOtherwiseShareTheName() {
    assertThat(OneLivePath.name("timebank-ledger", "Kafka-2:9092, kafka-1:9092"))
        .isEqualTo(OneLivePath.name("timebank-ledger", "kafka-1:9092,kafka-2:9092"))
        .isEqualTo("timebank-ledger@kafka-1:9092,kafka-2:9092");
  }

  @Test
  void aLivePathSaysThatItRunsFromItsStartUntilItCloses() throws Exception {
    OneLivePath one = new OneLivePath(store, clock);
    String serve = OneLivePath.name("timebank-ledger", "127.0.0.1:40123");

    try (OneLivePath.Presence presence = one.enter(serve)) {
      assertThat(store.othersSince(null, Instant.now().minusSeconds(10)))
          .as("its word, before any ledger task runs")
          .extracting(LiveHoldStore.LiveSeen::livePath)
          .containsExactly(serve);
      assertThatThrownBy(() -> one.ensureNoOther(null))
          .isInstanceOf(OneLivePath.AnotherLivePath.class);
      assertThatThrownBy(() -> one.enter(OneLivePath.name("timebank-ledger", "127.0.0.1:1")))
          .isInstanceOf(OneLivePath.AnotherLivePath.class);
      assertThat(store.othersSince(null, Instant.now().minusSeconds(10)))
          .as("a refused live path leaves no word behind")
          .hasSize(1);
      Instant first = store.othersSince(null, Instant.now().minusSeconds(10)).get(0).seenAt();
      Thread.sleep(2_100);
      assertThat(store.othersSince(null, Instant.now().minusSeconds(10)).get(0).seenAt())
          .as("renewed every second")
          .isAfter(first);
    }

    assertThat(store.othersSince(null, Instant.now().minus(Duration.ofDays(1)))).isEmpty();
    one.ensureNoOther(null);
  }

  private PackageHolds holds(Duration wait, Duration lease) {
    return new PackageHolds(store, clock, wait, lease);
  }

  /** The database sink: acknowledges the first request it finds, after {@code delay}. */
  private CompletableFuture<Hold> acknowledgeAfter(Duration delay) {
    return CompletableFuture.supplyAsync(
        () -> {
          long deadline = System.nanoTime() + LONG.toNanos();
          while (System.nanoTime() < deadline) {
            List<Hold> all = store.all();
            if (!all.isEmpty()) {
              Hold asked = all.get(0);
              sleep(delay);
              store.held(asked.packageId(), asked.requestId(), Instant.now());
              return asked;
            }
            sleep(Duration.ofMillis(20));
          }
          throw new AssertionError("no request within " + LONG);
        });
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
