package cn.timebank.ingestion.submission;

import cn.timebank.ingestion.Submissions;
import cn.timebank.ingestion.batch.PackageJob;
import cn.timebank.ingestion.batch.Runners;
import cn.timebank.ingestion.read.ReadLimits;
import cn.timebank.ingestion.receipt.Receipt;
import cn.timebank.ingestion.receipt.ReceiptJson;
import cn.timebank.ingestion.verify.Delivery;
import cn.timebank.ingestion.verify.OpenedPackage;
import cn.timebank.ingestion.verify.OpeningLimits;
import cn.timebank.ingestion.verify.PackageArchive;
import cn.timebank.ingestion.verify.PackageVerifier;
import cn.timebank.ingestion.verify.Registry;
import cn.timebank.ingestion.verify.Rejected;
import cn.timebank.ingestion.verify.VerificationResult;
import cn.timebank.ingestion.verify.Verified;
import cn.timebank.ledger.store.PackageRow;
import cn.timebank.ledger.store.PackageRun;
import cn.timebank.ledger.store.PackageStore;
import cn.timebank.standards.hours.schedule.DueDates;
import cn.timebank.standards.model.Period;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The platform's {@link Submissions}: the time of receipt from the clock; an identical re-delivery
 * answers with the original receipt and changes nothing (unless that one was RJCT); a delivery
 * whose earlier run was interrupted resumes that run; otherwise the delivery is archived and
 * verified against the database's registry and package history. A rejected package gets its RJCT
 * receipt (and does not take up its sequence); a verified one holds its sequence in {@code
 * package_runs} and is applied by the batch job, whose receipt is returned.
 */
public final class PackageSubmissions implements Submissions {

  private final Clock clock;
  private final PackageArchive archive;
  private final PackageVerifier verifier;
  private final PackageStore packages;
  private final PackageIds ids;
  private final RejectionReceipts rejections;
  private final PackageJob job;
  private final Runners runners;
  private final TransactionTemplate transactions;
  private final OpeningLimits limits;

  public PackageSubmissions(
      Clock clock,
      Path dataDir,
      OpeningLimits limits,
      Registry registry,
      DueDates dueDates,
      PackageStore packages,
      PackageJob job,
      Runners runners,
      TransactionTemplate transactions) {
    this.clock = clock;
    this.limits = limits;
    this.archive = new PackageArchive(dataDir, limits);
    this.verifier =
        new PackageVerifier(
            registry, new DatabaseHistory(packages), dueDates, limits, ReadLimits.defaults());
    this.packages = packages;
    this.ids = new PackageIds(packages);
    this.rejections = new RejectionReceipts(dueDates);
    this.job = job;
    this.runners = runners;
    this.transactions = transactions;
  }

  @Override
  public Receipt ingest(Path path) {
    Instant receivedAt = clock.instant();
    Delivery delivery = Delivery.of(path);
    if (delivery.sha256().isPresent()) {
      String sha256 = delivery.sha256().get();
      Optional<Receipt> original = packages.identical(sha256).flatMap(this::receipt);
      if (original.isPresent()) {
        return original.get();
      }
      Optional<PackageRun> interrupted = packages.unfinishedRun(sha256);
      if (interrupted.isPresent()) {
        return applied(interrupted.get());
      }
    }
    Path archived = archive.store(delivery);
    String sha256 = delivery.sha256().orElseGet(() -> nameOf(archived));
    VerificationResult result;
    try (OpenedPackage pkg = OpenedPackage.open(delivery, limits)) {
      result = verifier.verify(pkg, receivedAt);
    }
    if (result instanceof Rejected rejected) {
      return rejected(rejected, sha256, receivedAt, archived);
    }
    Verified verified = (Verified) result;
    String packageId =
        ids.allocate(
            verified.bank().bankCode().value(),
            verified.period().toString(),
            verified.manifest().sequence(),
            verified.sha256());
    PackageRun run =
        new PackageRun(
            packageId,
            verified.sha256(),
            verified.bank().bankCode().value(),
            verified.period().toString(),
            verified.manifest().sequence(),
            receivedAt,
            verified.dueAt().toInstant(),
            verified.late(),
            archived.toAbsolutePath().toString(),
            false,
            runners.self());
    transactions.executeWithoutResult(status -> packages.startRun(run));
    return applied(run);
  }

  @Override
  public Optional<Receipt> receipt(String packageId) {
    return packages.receiptJson(packageId).map(ReceiptJson::read);
  }

  private Receipt applied(PackageRun run) {
    job.run(run);
    return receipt(run.packageId())
        .orElseThrow(
            () -> new IllegalStateException(run.packageId() + ": the job stored no receipt"));
  }

  private Receipt rejected(Rejected rejected, String sha256, Instant receivedAt, Path archived) {
    String bank = rejected.identity().bankCode();
    Integer sequence = rejected.identity().sequence();
    String period = rejected.identity().period();
    String packageId = ids.allocate(bank, period, sequence, sha256);
    Receipt receipt = rejections.of(packageId, sha256, rejected, receivedAt);
    String month = period != null && isPeriod(period) ? period : null;
    transactions.executeWithoutResult(
        status ->
            packages.saveReceipt(
                new PackageRow(
                    packageId,
                    sha256,
                    bank,
                    month,
                    sequence,
                    receivedAt,
                    receipt.dueAt() == null ? null : receipt.dueAt().toInstant(),
                    receipt.late(),
                    receipt.status().name(),
                    archived.toAbsolutePath().toString()),
                ReceiptJson.write(receipt)));
    return receipt;
  }

  private static boolean isPeriod(String text) {
    try {
      Period.parse(text);
      return text.length() == 7;
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static String nameOf(Path archived) {
    String name = archived.getFileName().toString();
    return name.endsWith(".zip") ? name.substring(0, name.length() - 4) : name;
  }
}
