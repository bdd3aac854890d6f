package cn.timebank.scoring.finding;

import cn.timebank.standards.model.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The anomaly findings of a period: detected by the seven detectors under the rules in force on the
 * period's last day, stored per period and rules version, read back for the {@code findings}
 * command, the compliance rating and reports.
 */
public final class Findings {

  private final FindingRulesFile rules;
  private final List<Detector> detectors;
  private final FindingStore store;

  public Findings(JdbcClient jdbc, FindingRulesFile rules) {
    this.rules = rules;
    this.store = new FindingStore(jdbc);
    this.detectors =
        List.of(
            new OverlappingServices(jdbc),
            new DailyCapHits(jdbc),
            new ReciprocalInflation(jdbc),
            new ShortCycles(jdbc),
            new RecordingLag(jdbc),
            new PerfectRatings(jdbc),
            new CrossBankOverlaps(jdbc));
  }

  /** The rules in force for {@code period}. */
  public FindingRules rulesFor(Period period) {
    return rules.inForce(period);
  }

  /** Runs every detector over the ledger; nothing is stored. Sorted in {@link Finding#ORDER}. */
  public List<Finding> detect(Period period) {
    FindingRules inForce = rules.inForce(period);
    List<Finding> all = new ArrayList<>();
    for (Detector detector : detectors) {
      all.addAll(detector.detect(period, inForce));
    }
    all.sort(Finding.ORDER);
    return List.copyOf(all);
  }

  /** Runs the one detector of {@code code} (e.g. to time it alone); nothing is stored. */
  public List<Finding> detect(Period period, FindingCode code) {
    FindingRules inForce = rules.inForce(period);
    for (Detector detector : detectors) {
      if (detector.code() == code) {
        List<Finding> found = new ArrayList<>(detector.detect(period, inForce));
        found.sort(Finding.ORDER);
        return List.copyOf(found);
      }
    }
    throw new IllegalArgumentException("no detector for " + code);
  }

  /** Detects and replaces the period's stored findings (call inside a transaction). */
  public List<Finding> detectAndStore(Period period) {
    List<Finding> found = detect(period);
    store.replace(period, rules.inForce(period).version(), found);
    return found;
  }

  /** The stored findings of a period, all banks or those naming a record of {@code bank}. */
  public List<Finding> stored(Period period, Optional<String> bank) {
    return store.list(period, rules.inForce(period).version()).stream()
        .filter(f -> bank.isEmpty() || f.names(bank.get()))
        .toList();
  }
}
