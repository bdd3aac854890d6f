package cn.timebank.app.api.submission;

import cn.timebank.ingestion.verify.Delivery;
import cn.timebank.ingestion.verify.Manifest;
import cn.timebank.ingestion.verify.OpenedPackage;
import cn.timebank.ingestion.verify.OpeningLimits;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The bank an uploaded package is for: the {@code bank_code} of its {@code manifest.json}, read
 * with ingestion's own strict reader (so that what cannot be read here is P001/P009 there, and
 * nothing of it is applied). Read before ingesting, so that a caller cannot deliver for a bank
 * beyond its scope.
 */
final class PackageBank {

  private PackageBank() {}

  static Optional<String> of(Path upload) {
    try (OpenedPackage opened = OpenedPackage.open(Delivery.of(upload), OpeningLimits.defaults())) {
      if (opened.refusal().isPresent()) {
        return Optional.empty();
      }
      return Optional.of(Manifest.of(opened).bankCode().value());
    } catch (RuntimeException unreadable) {
      return Optional.empty();
    }
  }
}
