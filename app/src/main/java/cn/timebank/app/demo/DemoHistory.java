package cn.timebank.app.demo;

import cn.timebank.ingestion.verify.PackageHistory;
import cn.timebank.ingestion.verify.PriorPackage;
import cn.timebank.ingestion.verify.Verified;
import cn.timebank.standards.model.BankCode;
import cn.timebank.standards.model.Period;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The packages the demo has verified so far, so that sequence checks see them. */
final class DemoHistory implements PackageHistory {

  private final Map<String, List<PriorPackage>> byPeriod = new HashMap<>();

  void remember(Verified verified) {
    byPeriod
        .computeIfAbsent(key(verified.bank().bankCode(), verified.period()), k -> new ArrayList<>())
        .add(
            new PriorPackage(verified.manifest().sequence(), verified.sha256(), verified.sha256()));
  }

  @Override
  public List<PriorPackage> accepted(BankCode bank, Period period) {
    return byPeriod.getOrDefault(key(bank, period), List.of());
  }

  @Override
  public Optional<String> identical(String sha256) {
    return byPeriod.values().stream()
        .flatMap(List::stream)
        .filter(p -> p.sha256().equals(sha256))
        .map(PriorPackage::receiptId)
        .findFirst();
  }

  private static String key(BankCode bank, Period period) {
    return bank.value() + "/" + period;
  }
}
