package cn.timebank.app.demo;

import cn.timebank.ingestion.read.DataFileReader;
import cn.timebank.ingestion.read.RawRecord;
import cn.timebank.ingestion.read.ReadLimits;
import cn.timebank.ingestion.verify.Manifest;
import cn.timebank.ingestion.verify.ManifestFile;
import cn.timebank.ingestion.verify.OpenedPackage;
import cn.timebank.ingestion.verify.Verified;
import cn.timebank.standards.hours.HourCalculator;
import cn.timebank.standards.hours.HourRequest;
import cn.timebank.standards.hours.HourResult;
import cn.timebank.standards.model.FileType;
import cn.timebank.standards.model.ReadResult;
import cn.timebank.standards.model.Service;
import cn.timebank.standards.model.ServiceReader;
import cn.timebank.standards.registry.BankRegistryEntry;
import java.io.IOException;
import java.util.Optional;

/**
 * Reads the services of a verified package and computes each one's standard minutes with the
 * standard's calculator, per unified category: what the demo of the foundation shows before the
 * ledger takes over. Completed services only; the daily cap across a provider's day is applied at
 * ingestion, not here.
 */
final class PackagePreview {

  private final HourCalculator calculator;

  PackagePreview(HourCalculator calculator) {
    this.calculator = calculator;
  }

  CategoryHours services(OpenedPackage pkg, Verified verified) throws IOException {
    CategoryHours hours = new CategoryHours();
    Manifest manifest = verified.manifest();
    BankRegistryEntry bank = verified.bank();
    ServiceReader reader = new ServiceReader(bank.bankCode(), bank.amountBasis());
    for (ManifestFile file : manifest.files()) {
      if (file.type() != FileType.SERVICES) {
        continue;
      }
      try (DataFileReader records =
          pkg.records(file.name(), manifest.encoding(), ReadLimits.defaults())) {
        while (records.hasNext()) {
          RawRecord raw = records.next();
          ReadResult<Service> read = reader.read(raw.fields());
          Optional<Service> service = raw.problem().isEmpty() ? read.record() : Optional.empty();
          if (service.isEmpty()) {
            hours.reject();
            continue;
          }
          credit(service.get(), bank, hours);
        }
      }
    }
    return hours;
  }

  private void credit(Service service, BankRegistryEntry bank, CategoryHours hours) {
    Optional<String> category =
        bank.unifiedCategory(service.localCategory(), service.start().toLocalDate());
    if (category.isEmpty() || !service.status().movesHours()) {
      if (category.isEmpty()) {
        hours.reject();
      }
      return;
    }
    HourRequest request =
        new HourRequest(
            bank.amountBasis(),
            category.get(),
            service.start(),
            service.end(),
            service.localAmount(),
            bank.coinsPerHour());
    if (calculator.calculate(request) instanceof HourResult.Computed computed) {
      hours.add(category.get(), computed.weighted());
    } else {
      hours.reject();
    }
  }
}
