package cn.timebank.ingestion.stream;

import static org.assertj.core.api.Assertions.assertThat;

import cn.timebank.ingestion.rules.Effects;
import cn.timebank.ingestion.rules.InMemoryLedgerState;
import cn.timebank.ingestion.rules.LedgerState;
import cn.timebank.ingestion.rules.Outcome;
import cn.timebank.ingestion.rules.RecordEngine;
import cn.timebank.ingestion.rules.StateSeed;
import cn.timebank.standards.calendar.OfficialHolidayCalendar;
import cn.timebank.standards.hours.StandardVersions;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    List<AgreementData.Raw> records = AgreementData.generate(5);
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
    CountDownLatch gate = new CountDownLatch(1);
    StateSeed slow =
        new StateSeed() {
          @Override
          public List<String> packages() {
            return database.packages();
          }

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

          @Override
          public void ofPackage(String packageId, Consumer<Effects> parts) {
            database.ofPackage(packageId, parts);
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
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (driver.<LedgerEvent>store(LedgerStores.HELD).approximateNumEntries() > 0) {
        assertThat(System.nanoTime()).isLessThan(deadline);
        driver.advance(Duration.ofSeconds(1));
      }
      assertThat(Agreement.codes(driver, events, eventIds)).containsExactlyEntriesOf(batchCodes);
    }
  }

  private static boolean marked(LedgerDriver driver, String packageId) {
    return driver.<String>store(LedgerStores.INDEX).get(StoreKeys.seeded(packageId)) != null;
  }

  /** Lets time pass until the topology has taken in the package. */
  private static void awaitMark(LedgerDriver driver, String packageId) {
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
