package cn.timebank.ingestion.stream;

import static cn.timebank.ingestion.stream.SeededStateTests.awaitHeldJudged;
import static cn.timebank.ingestion.stream.SeededStateTests.awaitMark;
import static cn.timebank.ingestion.stream.SeededStateTests.raw;
import static org.assertj.core.api.Assertions.assertThat;

import cn.timebank.ingestion.hold.Hold;
import cn.timebank.ingestion.hold.LiveHolds;
import cn.timebank.ingestion.rules.Outcome;
import cn.timebank.ingestion.rules.RecordEngine;
import cn.timebank.standards.calendar.OfficialHolidayCalendar;
import cn.timebank.standards.hours.StandardVersions;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * One writer at a time, on the topology's side: while a package is applied (its hold open), the
 * events that arrive wait, and are judged once the state has taken the package in — as the batch
 * judges what comes after the package. Without the hold the same event is judged against a state
 * that lacks the package (the two writers of the ingestion README).
 */
class PackageHoldTests {

  private final RecordEngine engine =
      new RecordEngine(StandardVersions.builtIn(), OfficialHolidayCalendar.builtIn());

  private static final Map<String, Object> IN_PACKAGE =
      Events.service(Banks.A, "L1", "P1", "R1", "SHZL", Events.DAY.atTime(9, 0), 60);

  /** The same ref for another record (another time): R118 once the package's L1 is known. */
  private static final Map<String, Object> EVENT =
      Events.service(Banks.A, "L1", "P1", "R1", "SHZL", Events.DAY.atTime(14, 0), 60);

  @Test
  void anEventArrivingWhileAPackageIsAppliedIsJudgedAfterTheStateTookItIn() throws Exception {
    RecordingSeed database = withPeople();
    FakeHolds holds = new FakeHolds();
    try (LedgerDriver driver = new LedgerDriver(LedgerTopology.Layout.ONE_TASK, database, holds)) {
      awaitMark(driver, "*");
      assertThat(holds.seen).as("the task says that it runs").isNotEmpty();

      holds.request("pkg-2", "run-1"); // the batch asks before it applies
      HoldMark mark = awaitHoldMark(driver);
      assertThat(mark).isEqualTo(new HoldMark("pkg-2", "run-1"));
      holds.acknowledge("pkg-2"); // the database sink reached the mark

      applyAsPackage(IN_PACKAGE, "pkg-2", database); // the batch applies
      driver.service(EVENT); // an event meanwhile
      driver.advance(Duration.ofSeconds(3));
      assertThat(driver.applied()).as("nothing judged while the package is applied").isEmpty();
      assertThat(driver.rejects()).isEmpty();
      assertThat(driver.<LedgerEvent>store(LedgerStores.HELD).approximateNumEntries()).isOne();

      database.stored("pkg-2"); // the receipt is stored
      holds.done("pkg-2");
      awaitMark(driver, "pkg-2");
      awaitHeldJudged(driver);

      RejectRecord reject = driver.onlyReject();
      assertThat(reject.code()).isEqualTo("R118");
      assertThat(reject.ref()).isEqualTo("L1");
      assertThat(driver.applied()).isEmpty();
      assertThat(driver.ledger()).isEmpty();
      assertThat(driver.holdMarks()).as("one mark per request").hasSize(1);
      assertThat(driver.<String>store(LedgerStores.INDEX).get(StoreKeys.holding("pkg-2")))
          .as("the hold ended with the package taken in")
          .isNull();
    }

    // Without the hold, the event is judged before the package is taken in: credited, while the
    // package credited its own L1 — two writers.
    RecordingSeed alone = withPeople();
    try (LedgerDriver driver = new LedgerDriver(LedgerTopology.Layout.ONE_TASK, alone)) {
      awaitMark(driver, "*");
      applyAsPackage(IN_PACKAGE, "pkg-2", alone);
      driver.service(EVENT);
      assertThat(driver.applied())
          .singleElement()
          .satisfies(a -> assertThat(a.confirmed()).isFalse());
      assertThat(driver.ledger()).isNotEmpty();
    }
  }

  /**
   * A run that could not ask or wait withdraws its hold (nothing was applied), and one whose
   * process died lets its lease run out (what it committed, here nothing, is taken in first).
   */
  @Test
  void aHoldWithdrawnOrRunOutEndsAndTheEventsAreJudged() throws Exception {
    for (boolean withdrawn : List.of(true, false)) {
      RecordingSeed database = withPeople();
      FakeHolds holds = new FakeHolds();
      try (LedgerDriver driver =
          new LedgerDriver(LedgerTopology.Layout.ONE_TASK, database, holds)) {
        awaitMark(driver, "*");
        holds.request("pkg-2", "run-1", withdrawn ? Duration.ofMinutes(1) : Duration.ofSeconds(6));
        awaitHoldMark(driver);
        driver.service(EVENT);
        driver.advance(Duration.ofSeconds(1));
        assertThat(driver.applied()).isEmpty();

        if (withdrawn) {
          holds.withdraw("pkg-2");
        } // else the lease runs out
        awaitHeldJudged(driver);
        assertThat(driver.applied())
            .as(withdrawn ? "withdrawn" : "run out")
            .singleElement()
            .satisfies(a -> assertThat(a.ref()).isEqualTo("L1"));
      }
    }
  }

  /**
   * A run that failed after committing part of the package: the state takes in what it committed
   * (without marking the package taken in: its receipt is to come), then judges the held events
   * against it — here the committed L1 makes the event R118, as the database would.
   */
  @Test
  void aFailedRunsCommittedPartIsTakenInBeforeTheEventsAreJudged() throws Exception {
    RecordingSeed database = withPeople();
    FakeHolds holds = new FakeHolds();
    try (LedgerDriver driver = new LedgerDriver(LedgerTopology.Layout.ONE_TASK, database, holds)) {
      awaitMark(driver, "*");
      holds.request("pkg-2", "run-1");
      awaitHoldMark(driver);
      holds.acknowledge("pkg-2");
      applyAsPackage(IN_PACKAGE, "pkg-2", database); // a chunk committed, then the run failed
      driver.service(EVENT);
      driver.advance(Duration.ofSeconds(1));
      assertThat(driver.applied()).isEmpty();
      assertThat(driver.rejects()).isEmpty();

      holds.failed("pkg-2"); // no receipt: the package is not listed
      awaitHeldJudged(driver);

      assertThat(driver.onlyReject().code())
          .as("L1 of the committed part is known")
          .isEqualTo("R118");
      assertThat(driver.<String>store(LedgerStores.INDEX).get(StoreKeys.seeded("pkg-2")))
          .as("not marked taken in: its receipt is to come")
          .isNull();
      assertThat(driver.<String>store(LedgerStores.INDEX).get(StoreKeys.holding("pkg-2"))).isNull();
    }
  }

  /**
   * A hold first seen done (the task restarted, or looked late, while the package was applied):
   * events still wait until the state has taken the package in.
   */
  @Test
  void aHoldFirstSeenDoneStillWaitsForTheTakeIn() throws Exception {
    RecordingSeed database = withPeople();
    FakeHolds holds = new FakeHolds();
    holds.request("pkg-2", "run-1");
    holds.acknowledge("pkg-2");
    applyAsPackage(IN_PACKAGE, "pkg-2", database);
    holds.done("pkg-2"); // receipt stored, not yet listed
    try (LedgerDriver driver = new LedgerDriver(LedgerTopology.Layout.ONE_TASK, database, holds)) {
      awaitMark(driver, "*");
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (driver.<String>store(LedgerStores.INDEX).get(StoreKeys.holding("pkg-2")) == null) {
        assertThat(System.nanoTime()).as("held within 20 s").isLessThan(deadline);
        driver.advance(Duration.ofSeconds(1));
        Thread.sleep(50);
      }
      driver.service(EVENT);
      driver.advance(Duration.ofSeconds(2));
      assertThat(driver.rejects()).isEmpty();
      assertThat(driver.applied()).isEmpty();
      assertThat(driver.holdMarks()).as("done: nobody waits for a mark").isEmpty();

      database.stored("pkg-2");
      awaitMark(driver, "pkg-2");
      awaitHeldJudged(driver);
      assertThat(driver.onlyReject().code()).isEqualTo("R118");
    }
  }

  private static HoldMark awaitHoldMark(LedgerDriver driver) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (driver.holdMarks().isEmpty()) {
      assertThat(System.nanoTime()).as("a hold's mark within 20 s").isLessThan(deadline);
      driver.advance(Duration.ofSeconds(1));
      Thread.sleep(50);
    }
    return driver.holdMarks().get(0);
  }

  private RecordingSeed withPeople() {
    RecordingSeed database = new RecordingSeed();
    LocalDate adult = LocalDate.of(1990, 3, 7);
    LocalDate elder = LocalDate.of(1950, 5, 1);
    applyAsPackage(
        Events.participant(Banks.A, "P1", Events.residentId(adult, 1), adult), "pkg-1", database);
    applyAsPackage(
        Events.participant(Banks.A, "R1", Events.residentId(elder, 2), elder), "pkg-1", database);
    database.stored("pkg-1");
    return database;
  }

  private void applyAsPackage(Map<String, Object> event, String packageId, RecordingSeed database) {
    EventTopic topic =
        event.containsKey("service_ref") ? EventTopic.SERVICES : EventTopic.PARTICIPANTS;
    Outcome outcome =
        Agreement.batchOutcome(engine, raw(topic, event), database.state(), packageId);
    assertThat(outcome).isInstanceOf(Outcome.Accepted.class);
    database.apply(packageId, ((Outcome.Accepted) outcome).effects());
  }

  /** The holds as the batch and the database sink would write them, in memory. */
  private static final class FakeHolds implements LiveHolds {

    private final Map<String, Hold> holds = new ConcurrentHashMap<>();
    final Set<String> seen = ConcurrentHashMap.newKeySet();

    @Override
    public List<Hold> look(String instance, Instant now) {
      seen.add(instance);
      return new ArrayList<>(holds.values());
    }

    @Override
    public void leave(String instance) {
      seen.remove(instance);
    }

    void request(String packageId, String requestId) {
      request(packageId, requestId, Duration.ofMinutes(1));
    }

    void request(String packageId, String requestId, Duration lease) {
      Instant now = Instant.now();
      holds.put(packageId, new Hold(packageId, requestId, now, now.plus(lease), null, null, null));
    }

    void acknowledge(String packageId) {
      change(packageId, Instant.now(), null, null);
    }

    void done(String packageId) {
      change(packageId, holds.get(packageId).heldAt(), Instant.now(), null);
    }

    void failed(String packageId) {
      change(packageId, holds.get(packageId).heldAt(), null, Instant.now());
    }

    void withdraw(String packageId) {
      holds.remove(packageId);
    }

    private void change(
        String packageId,
        @Nullable Instant heldAt,
        @Nullable Instant doneAt,
        @Nullable Instant failedAt) {
      Hold h = holds.get(packageId);
      holds.put(
          packageId,
          new Hold(
              h.packageId(),
              h.requestId(),
              h.requestedAt(),
              h.leaseUntil(),
              heldAt,
              doneAt,
              failedAt));
    }
  }
}
