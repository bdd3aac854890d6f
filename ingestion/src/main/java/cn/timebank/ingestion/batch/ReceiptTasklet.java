package cn.timebank.ingestion.batch;

import cn.timebank.ingestion.receipt.Counts;
import cn.timebank.ingestion.receipt.FileCount;
import cn.timebank.ingestion.receipt.Receipt;
import cn.timebank.ingestion.receipt.ReceiptJson;
import cn.timebank.ingestion.receipt.ReceiptLine;
import cn.timebank.ingestion.receipt.ReceiptStatus;
import cn.timebank.ingestion.verify.Delivery;
import cn.timebank.ingestion.verify.Manifest;
import cn.timebank.ingestion.verify.ManifestFile;
import cn.timebank.ingestion.verify.OpenedPackage;
import cn.timebank.ingestion.verify.OpeningLimits;
import cn.timebank.ledger.store.PackageRow;
import cn.timebank.ledger.store.PackageRun;
import cn.timebank.ledger.store.PackageStore;
import cn.timebank.standards.codes.ResultCode;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Step 5: the receipt (spec §5) from the staged outcomes: counts per file (every file of the
 * manifest, in its order) and per code, the rejected records and the warnings with file, line, ref,
 * field, code and bilingual message, the status. Stored in {@code packages} with the package, and
 * the staged rows deleted, in one transaction (a resumed run finding the receipt stored leaves it
 * as it is: receipts are never rewritten).
 */
class ReceiptTasklet implements Tasklet {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  private final PackageContext pkg;
  private final JdbcTemplate jdbc;
  private final PackageStore packages;
  private final OpeningLimits limits;

  ReceiptTasklet(
      PackageContext pkg, JdbcTemplate jdbc, PackageStore packages, OpeningLimits limits) {
    this.limits = limits;
    this.pkg = pkg;
    this.jdbc = jdbc;
    this.packages = packages;
  }

  @Override
  public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
    if (packages.receiptJson(pkg.packageId()).isPresent()) {
      return RepeatStatus.FINISHED;
    }
    Receipt receipt = receipt();
    PackageRun run = pkg.run();
    packages.saveReceipt(
        new PackageRow(
            run.packageId(),
            run.sha256(),
            run.bank(),
            run.month(),
            run.sequence(),
            run.receivedAt(),
            run.dueAt(),
            run.late(),
            receipt.status().name(),
            run.archivePath()),
        ReceiptJson.write(receipt));
    jdbc.update("delete from staged_records where package_id = ?", run.packageId());
    return RepeatStatus.FINISHED;
  }

  private Receipt receipt() {
    Map<String, long[]> files = new LinkedHashMap<>();
    manifestFiles().forEach(name -> files.put(name, new long[2]));
    jdbc.query(
        "select file_name, outcome, count(*) as records from staged_records"
            + " where package_id = ? group by file_no, file_name, outcome order by file_no",
        rs -> {
          long[] counts = files.computeIfAbsent(rs.getString("file_name"), f -> new long[2]);
          String outcome = rs.getString("outcome");
          if (outcome == null) {
            throw new IllegalStateException(
                pkg.packageId() + ": a staged record was not applied before the receipt");
          }
          counts[outcome.equals("R") ? 1 : 0] += rs.getLong("records");
        },
        pkg.packageId());
    Map<String, Long> codes = new TreeMap<>();
    List<ReceiptLine> rejected = new ArrayList<>();
    List<ReceiptLine> warnings = new ArrayList<>();
    long[] warned = new long[1];
    jdbc.query(
        "select file_name, line_no, record_ref, outcome, result_codes, field_name, detail"
            + " from staged_records where package_id = ? and result_codes is not null"
            + " order by file_no, line_no",
        rs -> {
          String file = rs.getString("file_name");
          long line = rs.getLong("line_no");
          String ref = rs.getString("record_ref");
          if ("R".equals(rs.getString("outcome"))) {
            ResultCode code = ResultCode.valueOf(rs.getString("result_codes"));
            codes.merge(code.name(), 1L, Long::sum);
            rejected.add(
                ReceiptLine.of(
                    file, line, ref, rs.getString("field_name"), code, rs.getString("detail")));
          } else {
            warned[0]++;
            Map<ResultCode, String> notes = Outcomes.notes(rs.getString("detail"));
            for (String name : rs.getString("result_codes").split(",")) {
              ResultCode code = ResultCode.valueOf(name);
              codes.merge(code.name(), 1L, Long::sum);
              warnings.add(ReceiptLine.of(file, line, ref, null, code, notes.get(code)));
            }
          }
        },
        pkg.packageId());
    Map<String, FileCount> fileCounts = new LinkedHashMap<>();
    long read = 0;
    long rejectedCount = 0;
    for (Map.Entry<String, long[]> file : files.entrySet()) {
      long accepted = file.getValue()[0];
      long refused = file.getValue()[1];
      fileCounts.put(file.getKey(), new FileCount(accepted + refused, accepted, refused));
      read += accepted + refused;
      rejectedCount += refused;
    }
    PackageRun run = pkg.run();
    return new Receipt(
        run.packageId(),
        run.sha256(),
        run.bank(),
        run.month(),
        run.sequence(),
        run.receivedAt().atZone(SHANGHAI).toOffsetDateTime(),
        run.dueAt().atZone(SHANGHAI).toOffsetDateTime(),
        run.late(),
        ReceiptStatus.ofRecords(read, rejectedCount, warned[0]),
        new Counts(fileCounts, codes),
        rejected,
        warnings);
  }

  private List<String> manifestFiles() {
    try (OpenedPackage opened =
        OpenedPackage.open(Delivery.of(Path.of(pkg.run().archivePath())), limits)) {
      return Manifest.of(opened).files().stream().map(ManifestFile::name).toList();
    }
  }
}
