package cn.timebank.ingestion.verify;

import cn.timebank.ingestion.read.DataEncoding;
import cn.timebank.standards.model.BankCode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A package's {@code manifest.json} (spec §2), read strictly by {@link ManifestReader}. The period
 * is kept as written: a malformed one is P006, not P001.
 *
 * @param period the period as written, e.g. {@code 2026-10}
 * @param sequence 1 for the original report, 2, 3, … for corrections
 * @param generatedAt {@code generated_at}; without an offset it is Asia/Shanghai time
 */
public record Manifest(
    String formatVersion,
    BankCode bankCode,
    String period,
    int sequence,
    String keyId,
    Instant generatedAt,
    DataEncoding encoding,
    List<ManifestFile> files) {

  /** The one {@code format_version} this verifier knows. */
  public static final String FORMAT_VERSION = "1.0";

  public Manifest {
    if (formatVersion == null
        || bankCode == null
        || period == null
        || keyId == null
        || generatedAt == null
        || encoding == null
        || files == null) {
      throw new IllegalArgumentException("every manifest field is required");
    }
    if (sequence < 1) {
      throw new IllegalArgumentException("sequence must be 1 or more (was " + sequence + ")");
    }
    files = List.copyOf(files);
  }

  /** The entry of a data file, by name. */
  public Optional<ManifestFile> file(String name) {
    return files.stream().filter(file -> file.name().equals(name)).findFirst();
  }

  /**
   * The manifest of a package that passed verification before (an archived package whose records a
   * resumed run reads again).
   *
   * @throws IllegalStateException when it cannot be read: the package was not verified
   */
  public static Manifest of(OpenedPackage verified) {
    try (java.io.InputStream in = verified.open(PackageNames.MANIFEST)) {
      return ManifestReader.read(in.readAllBytes());
    } catch (java.io.IOException | Rejection e) {
      throw new IllegalStateException(
          "the manifest of a verified package cannot be read: " + e.getMessage(), e);
    }
  }
}
