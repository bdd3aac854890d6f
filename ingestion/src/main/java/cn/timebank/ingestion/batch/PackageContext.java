package cn.timebank.ingestion.batch;

import cn.timebank.ingestion.rules.RecordContext;
import cn.timebank.ledger.registry.RegistryStore;
import cn.timebank.ledger.store.PackageRun;
import cn.timebank.ledger.store.PackageStore;
import cn.timebank.standards.model.BankCode;
import cn.timebank.standards.model.Period;
import cn.timebank.standards.registry.BankRegistryEntry;

/**
 * What every step of a package's job needs: its run (bank, period, sequence, times, archive) and
 * the bank's registry entry (as registered now: a restart after a re-import sees the new mappings).
 */
record PackageContext(PackageRun run, BankRegistryEntry bank, Period period) {

  static PackageContext load(String packageId, PackageStore packages, RegistryStore registry) {
    PackageRun run =
        packages
            .run(packageId)
            .orElseThrow(() -> new IllegalStateException("no run of package " + packageId));
    BankRegistryEntry bank =
        registry
            .find(BankCode.of(run.bank()))
            .orElseThrow(() -> new IllegalStateException("bank " + run.bank() + " is gone"));
    return new PackageContext(run, bank, Period.parse(run.month()));
  }

  String packageId() {
    return run.packageId();
  }

  RecordContext recordContext() {
    return RecordContext.ofPackage(bank, period, run.packageId(), run.receivedAt());
  }
}
