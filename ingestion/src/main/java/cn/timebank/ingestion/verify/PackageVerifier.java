package cn.timebank.ingestion.verify;

import cn.timebank.ingestion.read.ReadLimits;
import cn.timebank.standards.codes.ResultCode;
import cn.timebank.standards.hours.schedule.DueDates;
import cn.timebank.standards.model.Period;
import cn.timebank.standards.registry.BankRegistryEntry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * Verifies an opened package against the package-level codes, stopping at the first that applies
 * (so each bad package fails at its own check). The order:
 *
 * <ol>
 *   <li>opening: a corrupt ZIP is P001, an unsafe or oversized entry P009 ({@link OpenedPackage})
 *   <li>P001 {@code manifest.json} missing, over its size limit, or invalid ({@link
 *       ManifestReader})
 *   <li>P003 bank unknown, SUSPENDED or CLOSED
 *   <li>P002 signature missing or not verifying with the key of {@code key_id} valid at both {@code
 *       generated_at} and the receipt
 *   <li>P006 period malformed, in the future or before the bank's registration
 *   <li>P009 a named file missing or an unnamed file present
 *   <li>P004 SHA-256, P008 encoding, P010 CSV header, P005 record count, each over all files
 *   <li>P007, P012, P011 against the earlier packages of the bank and period
 * </ol>
 *
 * <p>The time of receipt is passed in (from the caller's clock); nothing here reads the time.
 * Identical re-deliveries are the caller's to catch first ({@link PackageHistory#identical}).
 */
public final class PackageVerifier {

  private final Registry registry;
  private final SequenceCheck sequences;
  private final DueDates dueDates;
  private final OpeningLimits openingLimits;
  private final ReadLimits readLimits;

  public PackageVerifier(
      Registry registry,
      PackageHistory history,
      DueDates dueDates,
      OpeningLimits openingLimits,
      ReadLimits readLimits) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.dueDates = Objects.requireNonNull(dueDates, "dueDates");
    this.sequences = new SequenceCheck(Objects.requireNonNull(history, "history"), dueDates);
    this.openingLimits = Objects.requireNonNull(openingLimits, "openingLimits");
    this.readLimits = Objects.requireNonNull(readLimits, "readLimits");
  }

  public VerificationResult verify(OpenedPackage pkg, Instant receivedAt) {
    Manifest manifest = null;
    byte[] manifestBytes = null;
    try {
      if (pkg.refusal().isPresent()) {
        return pkg.refusal().get();
      }
      manifestBytes = manifestBytes(pkg);
      manifest = ManifestReader.read(manifestBytes);
      String sha256 = sha256(pkg, manifestBytes);
      BankRegistryEntry bank = BankCheck.activeBank(registry, manifest);
      SignatureCheck.check(pkg, manifestBytes, manifest, bank, receivedAt);
      Period period = PeriodCheck.check(manifest, bank, receivedAt);
      FileSetCheck.check(pkg, manifest);
      ContentChecks content = new ContentChecks(pkg, manifest, readLimits);
      content.digests();
      content.encodings();
      content.headers();
      content.recordCounts();
      sequences.check(manifest, period, sha256, receivedAt);
      ZonedDateTime dueAt = dueDates.dueAt(period.month());
      return new Verified(
          manifest,
          period,
          bank,
          sha256,
          receivedAt,
          dueAt,
          dueDates.isLate(period.month(), receivedAt));
    } catch (Rejection rejection) {
      return manifest == null && manifestBytes != null
          ? rejection.rejected().withIdentity(ManifestIdentity.readable(manifestBytes))
          : rejection.rejected().withManifest(manifest);
    } catch (LimitExceededException e) {
      return Rejected.inFile(ResultCode.P009, e.entry(), e.getMessage()).withManifest(manifest);
    } catch (IOException | UncheckedIOException e) {
      return Rejected.inFile(
              ResultCode.P001,
              pkg.delivery().name(),
              "the package cannot be read, the ZIP file is corrupt (" + e.getMessage() + ")")
          .withManifest(manifest);
    }
  }

  private byte[] manifestBytes(OpenedPackage pkg) throws Rejection, IOException {
    if (!pkg.fileNames().contains(PackageNames.MANIFEST)) {
      throw new Rejection(
          Rejected.inFile(ResultCode.P001, PackageNames.MANIFEST, "missing from the package"));
    }
    int max = openingLimits.maxManifestBytes();
    byte[] bytes;
    try (InputStream in = pkg.open(PackageNames.MANIFEST)) {
      bytes = in.readNBytes(max + 1);
    }
    if (bytes.length > max) {
      throw new Rejection(
          Rejected.inFile(ResultCode.P001, PackageNames.MANIFEST, "larger than " + max + " bytes"));
    }
    return bytes;
  }

  /** The package's sha256; for a folder, of the manifest bytes just read, which must match. */
  private static String sha256(OpenedPackage pkg, byte[] manifestBytes) throws Rejection {
    if (pkg.delivery().kind() == Delivery.Kind.ZIP) {
      return pkg.delivery().sha256().orElseThrow();
    }
    String read = Sha256.of(manifestBytes);
    if (!pkg.delivery().sha256().map(read::equals).orElse(false)) {
      throw new Rejection(
          Rejected.inFile(
              ResultCode.P001, PackageNames.MANIFEST, "changed while the package was read"));
    }
    return read;
  }
}
