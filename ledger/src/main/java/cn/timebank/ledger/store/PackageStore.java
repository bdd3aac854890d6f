package cn.timebank.ledger.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Received packages and their receipts ({@code packages}), and the packages being applied ({@code
 * package_runs}). Times are stored in UTC.
 */
public final class PackageStore {

  /** A package that holds its sequence: not rejected, or still being applied. */
  public record Held(int sequence, String sha256, String packageId) {}

  private static final String RUN_COLUMNS =
      "package_id, sha256, bank_code, report_month, seq_no, received_at, due_at, late,"
          + " archive_path, superseded_flag, runner";

  private final JdbcClient jdbc;

  public PackageStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Stores a package with its receipt, unless it is stored already (a resumed run). */
  public void saveReceipt(PackageRow row, String receiptJson) {
    if (receiptJson(row.packageId()).isPresent()) {
      return;
    }
    jdbc.sql(
            "insert into packages (package_id, sha256, bank_code, report_month, seq_no,"
                + " received_at, due_at, late, status, archive_path, receipt_json)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            row.packageId(),
            row.sha256(),
            row.bank(),
            row.month(),
            row.sequence(),
            utc(row.receivedAt()),
            row.dueAt() == null ? null : utc(row.dueAt()),
            Sql.flag(row.late()),
            row.status(),
            row.archivePath(),
            receiptJson)
        .update();
  }

  public Optional<String> receiptJson(String packageId) {
    return jdbc.sql("select receipt_json from packages where package_id = ?")
        .param(packageId)
        .query((rs, n) -> rs.getString(1))
        .optional();
  }

  /** The first stored package with this sha256 whose receipt is not RJCT. */
  public Optional<String> identical(String sha256) {
    return jdbc
        .sql(
            "select package_id from packages where sha256 = ? and status <> 'RJCT'"
                + " order by received_at, package_id")
        .param(sha256)
        .query(String.class)
        .list()
        .stream()
        .findFirst();
  }

  /** The packages of a bank and month that hold their sequence: not RJCT, or being applied. */
  public List<Held> holding(String bank, String month) {
    List<Held> held = new ArrayList<>();
    held.addAll(
        jdbc.sql(
                "select seq_no, sha256, package_id from packages"
                    + " where bank_code = ? and report_month = ? and status <> 'RJCT'")
            .params(bank, month)
            .query(PackageStore::held)
            .list());
    held.addAll(
        jdbc.sql(
                "select seq_no, sha256, package_id from package_runs r"
                    + " where bank_code = ? and report_month = ? and not exists"
                    + " (select 1 from packages p where p.package_id = r.package_id)")
            .params(bank, month)
            .query(PackageStore::held)
            .list());
    return held;
  }

  /** Whether a package id is taken, by a stored package or a run. */
  public boolean taken(String packageId) {
    return count("select count(*) from packages where package_id = ?", packageId)
            + count("select count(*) from package_runs where package_id = ?", packageId)
        > 0;
  }

  /** Starts a run (call inside a transaction). */
  public void startRun(PackageRun run) {
    jdbc.sql(
            "insert into package_runs ("
                + RUN_COLUMNS
                + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            run.packageId(),
            run.sha256(),
            run.bank(),
            run.month(),
            run.sequence(),
            utc(run.receivedAt()),
            utc(run.dueAt()),
            Sql.flag(run.late()),
            run.archivePath(),
            Sql.flag(run.superseded()),
            run.runner())
        .update();
  }

  public Optional<PackageRun> run(String packageId) {
    return jdbc.sql("select " + RUN_COLUMNS + " from package_runs where package_id = ?")
        .param(packageId)
        .query(PackageStore::run)
        .optional();
  }

  /** The run of a package with this sha256 whose receipt is not stored yet: an interrupted one. */
  public Optional<PackageRun> unfinishedRun(String sha256) {
    return jdbc
        .sql(
            "select "
                + RUN_COLUMNS
                + " from package_runs r where sha256 = ?"
                + " and not exists (select 1 from packages p where p.package_id = r.package_id)"
                + " order by received_at, package_id")
        .param(sha256)
        .query(PackageStore::run)
        .list()
        .stream()
        .findFirst();
  }

  public void markSuperseded(String packageId) {
    jdbc.sql("update package_runs set superseded_flag = 'Y' where package_id = ?")
        .param(packageId)
        .update();
  }

  public void setRunner(String packageId, String runner) {
    jdbc.sql("update package_runs set runner = ? where package_id = ?")
        .params(runner, packageId)
        .update();
  }

  private long count(String sql, String id) {
    return jdbc.sql(sql).param(id).query(Long.class).single();
  }

  private static Held held(ResultSet rs, int n) throws SQLException {
    return new Held(rs.getInt("seq_no"), rs.getString("sha256"), rs.getString("package_id"));
  }

  private static PackageRun run(ResultSet rs, int n) throws SQLException {
    return new PackageRun(
        rs.getString("package_id"),
        rs.getString("sha256"),
        rs.getString("bank_code"),
        rs.getString("report_month"),
        rs.getInt("seq_no"),
        instant(Sql.requiredTime(rs, "received_at")),
        instant(Sql.requiredTime(rs, "due_at")),
        Sql.flag(rs, "late"),
        rs.getString("archive_path"),
        Sql.flag(rs, "superseded_flag"),
        rs.getString("runner"));
  }

  private static LocalDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC).toLocalDateTime();
  }

  private static Instant instant(@Nullable LocalDateTime utc) {
    if (utc == null) {
      throw new IllegalStateException("a run's times are required");
    }
    return utc.toInstant(ZoneOffset.UTC);
  }
}
