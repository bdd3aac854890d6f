package cn.timebank.ingestion.stream;

import static org.assertj.core.api.Assertions.assertThat;

import cn.timebank.ingestion.rules.InMemoryLedgerState;
import cn.timebank.ingestion.rules.Outcome;
import cn.timebank.ingestion.rules.RecordEngine;
import cn.timebank.standards.calendar.OfficialHolidayCalendar;
import cn.timebank.standards.hours.StandardVersions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Batch and stream agree: the same raw records, once read and applied as a package would be (the
 * standards readers, the engine, {@link InMemoryLedgerState}) and once sent as events through the
 * topology in the same order, give the same code for every record and the same balance for every
 * account, in both layouts of the topology. (The month of the package covers every date and there
 * is no OPENING_BALANCE, so R110 and R119, which differ by design, do not arise.)
 */
class BatchStreamAgreementTests {

  private final RecordEngine engine =
      new RecordEngine(StandardVersions.builtIn(), OfficialHolidayCalendar.builtIn());

  @ParameterizedTest(name = "seed {0}, {1}")
  @CsvSource({"1, ONE_TASK", "2, ONE_TASK", "3, ONE_TASK", "1, REPARTITIONED", "2, REPARTITIONED"})
  void givesTheSameCodesAndBalancesAsTheBatch(long seed, LedgerTopology.Layout layout) {
    List<AgreementData.Raw> records = AgreementData.generate(seed);
    InMemoryLedgerState batch = new InMemoryLedgerState();
    Map<String, String> batchCodes = new LinkedHashMap<>();
    for (AgreementData.Raw raw : records) {
      Outcome outcome = Agreement.batchOutcome(engine, raw, batch, raw.bank() + "/2026-10/1");
      if (outcome instanceof Outcome.Accepted accepted) {
        batch.apply(accepted.effects());
      }
      batchCodes.put(Agreement.id(raw), Agreement.describe(outcome));
    }

    Map<String, String> streamCodes;
    Map<String, Long> streamBalances;
    try (LedgerDriver driver = new LedgerDriver(layout)) {
      streamCodes = Agreement.streamCodes(driver, records);
      streamBalances = Agreement.balances(driver.ledger());
    }

    assertThat(streamCodes).containsExactlyEntriesOf(batchCodes);
    assertThat(streamBalances).isEqualTo(Agreement.balances(batch)).isNotEmpty();
    assertThat(batchCodes.values())
        .contains("R106", "R111", "OK[]")
        .anyMatch(c -> c.contains("W201"));
  }
}
