package cn.timebank.ingestion.submission;

import cn.timebank.ingestion.verify.PackageHistory;
import cn.timebank.ingestion.verify.PriorPackage;
import cn.timebank.ledger.store.PackageStore;
import cn.timebank.standards.model.BankCode;
import cn.timebank.standards.model.Period;
import java.util.List;
import java.util.Optional;

/**
 * The packages received before, from the database: those not rejected, and those still being
 * applied (a verified package holds its sequence from the moment it is verified).
 */
final class DatabaseHistory implements PackageHistory {

  private final PackageStore packages;

  DatabaseHistory(PackageStore packages) {
    this.packages = packages;
  }

  @Override
  public List<PriorPackage> accepted(BankCode bank, Period period) {
    return packages.holding(bank.value(), period.toString()).stream()
        .map(held -> new PriorPackage(held.sequence(), held.sha256(), held.packageId()))
        .toList();
  }

  @Override
  public Optional<String> identical(String sha256) {
    return packages.identical(sha256);
  }
}
