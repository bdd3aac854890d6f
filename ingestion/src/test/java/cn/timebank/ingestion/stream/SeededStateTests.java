package cn.timebank.ingestion.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import cn.timebank.ingestion.rules.Effects;
import cn.timebank.ingestion.rules.InMemoryLedgerState;
import cn.timebank.ingestion.rules.LedgerState;
import cn.timebank.ingestion.rules.Outcome;
import cn.timebank.ingestion.rules.RecordEngine;
import cn.timebank.ingestion.rules.RecordId;
import cn.timebank.ingestion.rules.RecordKind;
import cn.timebank.ingestion.rules.StateSeed;
import cn.timebank.standards.calendar.OfficialHolidayCalendar;
import cn.timebank.standards.hours.StandardVersions;
import cn.timebank.standards.model.BankCode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The topology's state takes in the ledger of record ({@code StateSeed}): a bank's records
 * delivered partly as packages and then as events give what packages alone give. The first third of
 * the records is a package applied before the topology starts (taken in whole at its start), the
 * second a package applied while it runs (taken in by the next look), the rest events: every event
 * gets the code the batch gives it after the two packages, and the ledger of record's balances plus
 * the events' postings are the balances of the batch.
 */
class SeededStateTests {

  private final RecordEngine engine =
      new RecordEngine(StandardVersions.builtIn(), OfficialHolidayCalendar.builtIn());

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4})
  void eventsAfterPackagesGiveWhatPackagesAloneGive(long seed) {
    List<AgreementData.Raw> records = AgreementData.generate(seed);
    int third = records.size() / 3;
    List<AgreementData.Raw> first = records.subList(0, third);
    List<AgreementData.Raw> second = records.subList(third, 2 * third);
    List<AgreementData.Raw> events = records.subList(2 * third, records.size());

    InMemoryLedgerState batch = new InMemoryLedgerState();
    Map<String, String> batchCodes = new LinkedHashMap<>();
    applyAsPackage(first, "pkg-1", batch, (id, effects) -> batch.apply(effects));
    applyAsPackage(second, "pkg-2", batch, (id, effects) -> batch.apply(effects));
    for (AgreementData.Raw raw : events) {
      batchCodes.put(Agreement.id(raw), applyOne(raw, "pkg-3", batch, (id, e) -> batch.apply(e)));
    }

    RecordingSeed database = new RecordingSeed();
    applyAsPackage(first, "pkg-1", database.state(), database::apply);
    database.stored("pkg-1");
    Map<String, String> streamCodes;
    List<LedgerEntry> streamLedger;
    try (LedgerDriver driver = new LedgerDriver(LedgerTopology.Layout.ONE_TASK, database)) {
      awaitMark(driver, "*"); // the first load: everything, read on the intake's thread
      assertThat(marked(driver, "pkg-1")).isTrue();
      applyAsPackage(second, "pkg-2", database.state(), database::apply);
      database.stored("pkg-2");
      awaitMark(driver, "pkg-2"); // read on the intake's thread, applied by a later tick
      driver.advance(Duration.ofSeconds(6)); // nothing new
      streamCodes = Agreement.streamCodes(driver, events);
      streamLedger = driver.ledger();
    }

    assertThat(streamCodes).containsExactlyEntriesOf(batchCodes);
    Map<String, Long> combined = new TreeMap<>(Agreement.balances(database.state()));
    Agreement.balances(streamLedger).forEach((k, v) -> combined.merge(k, v, Long::sum));
    combined.values().removeIf(v -> v == 0);
    assertThat(combined).isEqualTo(Agreement.balances(batch)).isNotEmpty();
    assertThat(database.reads()).as("everything once, then pkg-2 once").isEqualTo(2);

    // The events depend on the packages: a topology on its own judges some of them otherwise.
    try (LedgerDriver alone = new LedgerDriver()) {
      assertThat(Agreement.streamCodes(alone, events)).isNotEqualTo(batchCodes);
    }
  }

  /**
   * Events that arrive while the state takes in the database wait, in arrival order, and are judged
   * once it is done — as if they had arrived after it.
   */
  @Test
  void eventsArrivingDuringTheFirstLoadWaitAndAreJudgedAfterIt() throws Exception {
    HalfAsPackage split = halfAsPackage(5);
    RecordingSeed database = split.database();
    List<AgreementData.Raw> events = split.events();
    Map<String, String> batchCodes = split.batchCodes();
    CountDownLatch gate = new CountDownLatch(1);
    StateSeed slow =
        new DelegatingSeed(database) {
          @Override
          public void everything(Consumer<Effects> parts) {
            try {
              gate.await();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              return;
            }
            database.everything(parts);
          }
        };

    try (LedgerDriver driver = new LedgerDriver(LedgerTopology.Layout.ONE_TASK, slow)) {
      Map<String, String> eventIds = Agreement.send(driver, events);
      driver.advance(Duration.ofSeconds(1));
      assertThat(driver.applied()).as("nothing judged while the database is read").isEmpty();
      assertThat(driver.rejects()).isEmpty();
      assertThat(driver.<LedgerEvent>store(LedgerStores.HELD).approximateNumEntries())
          .isEqualTo(events.size());

      gate.countDown();
      awaitMark(driver, "*");
      awaitHeldJudged(driver);
      assertThat(Agreement.codes(driver, events, eventIds)).containsExactlyEntriesOf(batchCodes);
    }
  }

  /**
   * A database that does not answer for a while stops nothing: the first load is tried again after
   * a pause, events wait meanwhile, and once the database answers they are judged as the batch
   * judges them.
   */
  @Test
  void aDatabaseThatFailsForAWhileDelaysTheEventsAndLosesNone() throws Exception {
    HalfAsPackage split = halfAsPackage(6);
    RecordingSeed database = split.database();
    List<AgreementData.Raw> events = split.events();
    Map<String, String> batchCodes = split.batchCodes();
    java.util.concurrent.atomic.AtomicInteger failures =
        new java.util.concurrent.atomic.AtomicInteger();
    StateSeed flaky =
        new DelegatingSeed(database) {
          @Override
          public List<String> packages() {
            if (failures.incrementAndGet() <= 2) {
              throw new IllegalStateException("connection refused (a test's database)");
            }
            return database.packages();
          }
        };

    try (LedgerDriver driver = new LedgerDriver(LedgerTopology.Layout.ONE_TASK, flaky)) {
      Map<String, String> eventIds = Agreement.send(driver, events);
      awaitMark(driver, "*");
      awaitHeldJudged(driver);
      assertThat(failures.get()).as("the database failed twice, then answered").isGreaterThan(2);
      assertThat(Agreement.codes(driver, events, eventIds)).containsExactlyEntriesOf(batchCodes);
    }
  }

  /**
   * A package read before an event changed a record does not undo the event: here the database's
   * copy of service L1, read while the event was judged, does not hold it yet. Taken in, the rows
   * of L1 stay the topology's own, so the same service sent again is confirmed, not credited twice.
   */
  @Test
  void aPackageReadBeforeAnEventChangedARecordKeepsTheEventsChange() throws Exception {
    RecordingSeed database = new RecordingSeed();
    LocalDate adult = LocalDate.of(1990, 3, 7);
    LocalDate elder = LocalDate.of(1950, 5, 1);
    List<AgreementData.Raw> people =
        List.of(
            raw(
                EventTopic.PARTICIPANTS,
                Events.participant(Banks.A, "P1", Events.residentId(adult, 1), adult)),
            raw(
                EventTopic.PARTICIPANTS,
                Events.participant(Banks.A, "R1", Events.residentId(elder, 2), elder)));
    applyAsPackage(people, "pkg-1", database.state(), database::apply);
    database.stored("pkg-1");
    RecordId l1 = new RecordId(Banks.A, RecordKind.SERVICE, "L1");
    CountDownLatch stored = new CountDownLatch(1);
    CountDownLatch reading = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    StateSeed slow =
        new DelegatingSeed(database) {
          @Override
          public List<String> packages() {
            return stored.getCount() == 0 ? List.of("pkg-1", "pkg-2") : List.of("pkg-1");
          }

          @Override
          public void ofPackage(String packageId, Consumer<Effects> parts) {
            reading.countDown();
            try {
              release.await(); // the database's copy of L1 (none) was read before the event
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              return;
            }
            parts.accept(
                StateSeed.setting(
                    List.of(),
                    List.of(
                        new StateSeed.RecordState(
                            l1, Optional.empty(), Optional.empty(), Optional.empty(), List.of())),
                    Optional.empty()));
          }
        };
    Map<String, Object> service =
        Events.service(Banks.A, "L1", "P1", "R1", "SHZL", Events.DAY.atTime(9, 0), 60);

    try (LedgerDriver driver = new LedgerDriver(LedgerTopology.Layout.ONE_TASK, slow)) {
      awaitMark(driver, "*");
      stored.countDown(); // pkg-2 is stored: a next look reads it, and waits
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (reading.getCount() > 0) {
        assertThat(System.nanoTime()).as("pkg-2 read within 20 s").isLessThan(deadline);
        driver.advance(Duration.ofSeconds(6));
        Thread.sleep(50);
      }
      driver.service(service); // judged while pkg-2's read waits
      assertThat(driver.applied())
          .singleElement()
          .satisfies(a -> assertThat(a.confirmed()).isFalse());
      release.countDown();
      awaitMark(driver, "pkg-2");
      driver.service(Events.with(service, "event_id", "again-" + System.nanoTime()));

      assertThat(driver.applied()).hasSize(2);
      assertThat(driver.applied().get(1).confirmed()).as("the same service again").isTrue();
      assertThat(driver.ledger()).as("credited once").hasSize(1);
    }
  }

  static AgreementData.Raw raw(EventTopic topic, Map<String, Object> event) {
    Map<String, String> fields = new java.util.LinkedHashMap<>();
    event.forEach(
        (k, v) -> {
          if (!List.of("bank_code", "event_id", "sent_at").contains(k)) {
            fields.put(k, String.valueOf(v));
          }
        });
    return new AgreementData.Raw(topic, BankCode.of((String) event.get("bank_code")), fields);
  }

  /**
   * The first half of the agreement data as package pkg-1 in a {@link RecordingSeed}; the other
   * half as events, with the codes the batch gives them after pkg-1.
   */
  private record HalfAsPackage(
      RecordingSeed database, List<AgreementData.Raw> events, Map<String, String> batchCodes) {}

  private HalfAsPackage halfAsPackage(long seed) {
    List<AgreementData.Raw> records = AgreementData.generate(seed);
    int half = records.size() / 2;
    List<AgreementData.Raw> first = records.subList(0, half);
    List<AgreementData.Raw> events = records.subList(half, records.size());
    InMemoryLedgerState batch = new InMemoryLedgerState();
    applyAsPackage(first, "pkg-1", batch, (id, effects) -> batch.apply(effects));
    Map<String, String> batchCodes = new LinkedHashMap<>();
    for (AgreementData.Raw raw : events) {
      batchCodes.put(Agreement.id(raw), applyOne(raw, "pkg-2", batch, (id, e) -> batch.apply(e)));
    }
    RecordingSeed database = new RecordingSeed();
    applyAsPackage(first, "pkg-1", database.state(), database::apply);
    database.stored("pkg-1");
    return new HalfAsPackage(database, events, batchCodes);
  }

  /**
   * A package whose read fails after some of its parts were applied is read again and finished
   * before any later package is begun: events are never judged for long against half a package.
   */
  @Test
  void aPackageWhoseReadFailsHalfwayIsFinishedBeforeAnyOther() throws Exception {
    RecordingSeed database = halfAsPackage(7).database(); // pkg-1 stored
    database.apply("pkg-2", Effects.NONE);
    database.stored("pkg-2");
    java.util.concurrent.atomic.AtomicBoolean listed =
        new java.util.concurrent.atomic.AtomicBoolean();
    List<String> reads = java.util.Collections.synchronizedList(new ArrayList<>());
    StateSeed failsHalfway =
        new DelegatingSeed(database) {
          @Override
          public List<String> packages() {
            return listed.get() ? database.packages() : List.of();
          }

          @Override
          public void ofPackage(String packageId, Consumer<Effects> parts) {
            reads.add(packageId);
            boolean fail = packageId.equals("pkg-1") && reads.size() == 1;
            java.util.concurrent.atomic.AtomicInteger given =
                new java.util.concurrent.atomic.AtomicInteger();
            database.ofPackage(
                packageId,
                part -> {
                  if (fail && given.incrementAndGet() > 3) {
                    throw new IllegalStateException("connection reset (a test's database)");
                  }
                  parts.accept(part);
                });
          }
        };

    try (LedgerDriver driver = new LedgerDriver(LedgerTopology.Layout.ONE_TASK, failsHalfway)) {
      awaitMark(driver, "*");
      listed.set(true);
      awaitMark(driver, "pkg-2");
      assertThat(reads).containsExactly("pkg-1", "pkg-1", "pkg-2");
      assertThat(marked(driver, "pkg-1")).isTrue();
    }
  }

  /**
   * After a fresh start (every start of the embedded broker) the state knows the event ids the
   * database holds as applied: the same event sent again is a no-op, not a confirmation, and its id
   * for another record is R118 (which the database sink would otherwise skip as applied while the
   * topology posted it: the two would part ways).
   */
  @Test
  void eventIdsTheDatabaseAppliedAreKnownAfterAFreshStart() throws Exception {
    Map<String, Object> service =
        LedgerTopologyTests.living("S1", 9, 60); // provider P1, recipient R1 of bank A
    RecordingSeed database = new RecordingSeed();
    List<StateSeed.AppliedEvent> appliedIds = new ArrayList<>();
    try (LedgerDriver before = new LedgerDriver()) {
      before
          .participant(
              Events.participant(
                  Banks.A, "P1", LedgerTopologyTests.ALICE, LedgerTopologyTests.ADULT))
          .participant(
              Events.participant(
                  Banks.A, "R1", LedgerTopologyTests.GRANDMA, LedgerTopologyTests.ELDER))
          .service(service);
      for (AppliedRecord applied : before.applied()) { // as the database sink stores them
        database.apply("live", applied.effects());
        appliedIds.add(
            new StateSeed.AppliedEvent(
                BankCode.of(applied.bankCode()),
                applied.eventId(),
                applied.topic().topic(),
                applied.ref()));
      }
    }
    assertThat(appliedIds).hasSize(3);
    StateSeed withIds =
        new DelegatingSeed(database) {
          @Override
          public void appliedEvents(Consumer<List<StateSeed.AppliedEvent>> parts) {
            parts.accept(appliedIds.subList(0, 2));
            parts.accept(appliedIds.subList(2, 3));
          }
        };
    Map<String, Object> other =
        Events.with(LedgerTopologyTests.living("S2", 11, 60), "event_id", service.get("event_id"));

    for (StateSeed seed : List.of(withIds, database)) {
      try (LedgerDriver after = new LedgerDriver(LedgerTopology.Layout.ONE_TASK, seed)) {
        after.service(other).service(service);
        awaitMark(after, "*");
        awaitHeldJudged(after);
        if (seed == withIds) {
          assertThat(after.onlyReject())
              .as("the id for another record")
              .satisfies(r -> assertThat(r.ref()).isEqualTo("S2"))
              .satisfies(r -> assertThat(r.code()).isEqualTo("R118"))
              .satisfies(r -> assertThat(r.field()).isEqualTo("event_id"));
          assertThat(after.applied()).as("the re-sent event: a no-op").isEmpty();
          assertThat(after.ledger()).isEmpty();
        } else { // without the ids: what the topology did before it took them in
          assertThat(after.applied())
              .extracting(AppliedRecord::ref, AppliedRecord::confirmed)
              .containsExactly(tuple("S2", false)); // posted; the sink would skip it as applied
          assertThat(after.ledger()).hasSize(1);
          assertThat(after.onlyReject().ref()).isEqualTo("S1");
        }
      }
    }
  }

  /** Lets time pass until no event is held any more. */
  static void awaitHeldJudged(LedgerDriver driver) {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (driver.<LedgerEvent>store(LedgerStores.HELD).approximateNumEntries() > 0) {
      assertThat(System.nanoTime()).isLessThan(deadline);
      driver.advance(Duration.ofSeconds(1));
    }
  }

  private static boolean marked(LedgerDriver driver, String packageId) {
    return driver.<String>store(LedgerStores.INDEX).get(StoreKeys.seeded(packageId)) != null;
  }

  /** Lets time pass until the topology has taken in the package. */
  static void awaitMark(LedgerDriver driver, String packageId) {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!marked(driver, packageId)) {
      assertThat(System.nanoTime()).as("%s taken in within 20 s", packageId).isLessThan(deadline);
      driver.advance(Duration.ofSeconds(6));
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      }
    }
  }

  private void applyAsPackage(
      List<AgreementData.Raw> records,
      String packageId,
      LedgerState state,
      BiConsumer<String, cn.timebank.ingestion.rules.Effects> apply) {
    records.forEach(raw -> applyOne(raw, packageId, state, apply));
  }

  private String applyOne(
      AgreementData.Raw raw,
      String packageId,
      LedgerState state,
      BiConsumer<String, cn.timebank.ingestion.rules.Effects> apply) {
    Outcome outcome = Agreement.batchOutcome(engine, raw, state, packageId);
    if (outcome instanceof Outcome.Accepted accepted) {
      apply.accept(packageId, accepted.effects());
    }
    return Agreement.describe(outcome);
  }
}
