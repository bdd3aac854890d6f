package cn.timebank.app.api.submission;

import cn.timebank.ingestion.verify.Delivery;
import cn.timebank.ingestion.verify.ManifestIdentity;
import cn.timebank.ingestion.verify.OpenedPackage;
import cn.timebank.ingestion.verify.OpeningLimits;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The bank an uploaded package is for: the {@code bank_code} of its {@code manifest.json} as the
 * verifier will read it ({@link ManifestIdentity}: read strictly, else the well-formed bank code of
 * a manifest refused with P001 or of a package refused with P009), so that a caller cannot deliver
 * for a bank beyond its scope, not even a package that will be rejected. Read before ingesting.
 */
final class PackageBank {

  private PackageBank() {}

  /** With the limits the ingestion opens packages with (its configured manifest size). */
  static Optional<String> of(Path upload, OpeningLimits limits) {
    try (OpenedPackage opened = OpenedPackage.open(Delivery.of(upload), limits)) {
      return Optional.ofNullable(ManifestIdentity.of(opened, limits.maxManifestBytes()).bankCode());
    } catch (RuntimeException unreadable) {
      return Optional.empty();
    }
  }
}
