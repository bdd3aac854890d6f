package cn.timebank.app.report;

import cn.timebank.app.config.TimebankProperties;
import cn.timebank.reporting.ReportFormat;
import cn.timebank.reporting.ReportLocales;
import cn.timebank.standards.hours.schedule.DueDates;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The reports kept for the record: once a period's due date ({@link DueDates}) has passed and the
 * period has been scored (its bank ratings exist), the compliance report of every rated bank and
 * the overview of every province (the first two digits of the banks' region codes) are written, in
 * zh-CN PDF, to {@code DATA_DIR/reports/PERIOD/compliance-BANK.pdf} and {@code
 * overview-PREFIX.pdf}. A kept file is never overwritten: it is written beside its name as {@code
 * .part} and moved into place only if no file is there; a later run leaves it alone.
 *
 * <p>Triggers: the {@code score} command after its job (the ratings a compliance report shows are
 * then stored), and {@code ./timebank report archive} for every scored period that is due (for a
 * daily timer).
 */
@Component
public class ReportArchive {

  private static final String RATED_PERIODS =
      "select distinct score_period from cs_bank_ratings order by score_period";

  private static final String RATED_BANKS =
      "select distinct bank_code from cs_bank_ratings where score_period = :period"
          + " order by bank_code";

  private static final String PROVINCES =
      "select distinct substr(b.region_code, 1, 2) from banks b join cs_bank_ratings r"
          + " on r.bank_code = b.bank_code and r.score_period = :period order by 1";

  private final Reports reports;
  private final DueDates dueDates;
  private final JdbcClient jdbc;
  private final Path root;

  ReportArchive(
      Reports reports, DueDates dueDates, DataSource dataSource, TimebankProperties properties) {
    this.reports = reports;
    this.dueDates = dueDates;
    this.jdbc = JdbcClient.create(dataSource);
    this.root = properties.dataDir().resolve("reports");
  }

  /** Keeps the reports of every scored period that is due at {@code now}; returns new files. */
  public List<Path> keepDue(Instant now) {
    List<Path> written = new ArrayList<>();
    for (String period : jdbc.sql(RATED_PERIODS).query(String.class).list()) {
      written.addAll(keep(YearMonth.parse(period), now));
    }
    return written;
  }

  /**
   * Keeps the reports of one period if it is due at {@code now}; returns the files written (none
   * when the period is not yet due or everything is already kept).
   */
  public List<Path> keep(YearMonth period, Instant now) {
    if (now.isBefore(dueDates.dueAt(period).toInstant())) {
      return List.of();
    }
    Path dir = root.resolve(period.toString());
    List<Path> written = new ArrayList<>();
    for (String bank :
        jdbc.sql(RATED_BANKS).param("period", period.toString()).query(String.class).list()) {
      keep(
          dir.resolve("compliance-" + bank + ".pdf"),
          request(ReportType.COMPLIANCE, bank, null, period),
          written);
    }
    for (String province :
        jdbc.sql(PROVINCES).param("period", period.toString()).query(String.class).list()) {
      keep(
          dir.resolve("overview-" + province + ".pdf"),
          request(ReportType.OVERVIEW, null, province, period),
          written);
    }
    return written;
  }

  /** Where kept reports go. */
  public Path root() {
    return root;
  }

  private void keep(Path file, ReportRequest request, List<Path> written) {
    if (Files.exists(file)) {
      return;
    }
    Path partial = file.resolveSibling(file.getFileName() + ".part");
    try {
      Files.createDirectories(file.getParent());
      try (OutputStream out = Files.newOutputStream(partial)) {
        reports.render(request, out);
      }
      Files.move(partial, file);
      written.add(file);
    } catch (FileAlreadyExistsException raced) {
      deleteQuietly(partial);
    } catch (IOException e) {
      deleteQuietly(partial);
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteQuietly(Path partial) {
    try {
      Files.deleteIfExists(partial);
    } catch (IOException ignored) {
      // the .part file is never read; the next run overwrites it
    }
  }

  private static ReportRequest request(
      ReportType type, String bank, String region, YearMonth period) {
    return new ReportRequest(
        type, bank, region, period, null, null, null, null, ReportFormat.PDF, ReportLocales.ZH_CN);
  }
}
