package cn.timebank.reporting.support;

import cn.timebank.ledger.schema.LedgerSchema;
import com.zaxxer.hikari.HikariDataSource;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * A migrated in-memory H2 (the ledger's schema and credit scoring's V100) with helpers that insert
 * rows straight into the tables, and readers of rendered PDFs and XLSX files.
 */
public final class ReportDatabase {

  private static final String HASH = "0".repeat(64);

  private static final String PG_URL =
      System.getenv().getOrDefault("TIMEBANK_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
  private static final String PG_USER =
      System.getenv().getOrDefault("TIMEBANK_TEST_PG_USER", "postgres");

  public final DataSource dataSource;
  public final JdbcClient jdbc;
  private final String schema;
  private long chain = 0;

  public ReportDatabase() {
    this(
        new SingleConnectionDataSource(
            "jdbc:h2:mem:reports_" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "", true),
        null);
  }

  private ReportDatabase(DataSource dataSource, String schema) {
    LedgerSchema.migrate(dataSource);
    this.dataSource = dataSource;
    this.jdbc = JdbcClient.create(dataSource);
    this.schema = schema;
  }

  /**
   * The same in a fresh schema {@code rp_<random>} of the real PostgreSQL (default {@code
   * jdbc:postgresql://127.0.0.1:5432/test}, user {@code postgres}; environment variables {@code
   * TIMEBANK_TEST_PG_URL}, {@code TIMEBANK_TEST_PG_USER}), dropped by {@link #close()}.
   */
  public static ReportDatabase postgres() {
    String schema = "rp_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    admin("create schema " + schema);
    HikariDataSource pool = new HikariDataSource();
    pool.setJdbcUrl(PG_URL + (PG_URL.contains("?") ? "&" : "?") + "currentSchema=" + schema);
    pool.setUsername(PG_USER);
    pool.setMaximumPoolSize(2);
    return new ReportDatabase(pool, schema);
  }

  /** Drops the PostgreSQL schema (nothing to do for H2: the memory database goes with the JVM). */
  public void close() {
    if (schema != null) {
      ((HikariDataSource) dataSource).close();
      admin("drop schema " + schema + " cascade");
    }
  }

  private static void admin(String sql) {
    try (Connection connection = DriverManager.getConnection(PG_URL, PG_USER, null);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("PostgreSQL at " + PG_URL + " refused: " + sql, e);
    }
  }

  public void bank(String code, String name, String region) {
    jdbc.sql(
            "insert into banks (bank_code, name, region_code, status, registered_since,"
                + " amount_basis, imported_at) values (?, ?, ?, 'ACTIVE', DATE '2024-01-01',"
                + " 'DURATION', CURRENT_TIMESTAMP)")
        .params(code, name, region)
        .update();
  }

  public void participant(
      String bank,
      String ref,
      String masked,
      String gender,
      String birthDate,
      String roles,
      String registeredOn) {
    jdbc.sql(
            "insert into participants (bank_code, participant_ref, masked_id, gender, birth_date,"
                + " roles, registered_on, status, source_id, updated_at)"
                + " values (?, ?, ?, ?, CAST(? AS DATE), ?, CAST(? AS DATE), 'ACTIVE', 'src',"
                + " CURRENT_TIMESTAMP)")
        .params(bank, ref, masked, gender, birthDate, roles, registeredOn)
        .update();
  }

  public void service(
      String bank,
      String ref,
      String provider,
      String recipient,
      String category,
      LocalDateTime start,
      int minutes,
      String status) {
    jdbc.sql(
            "insert into services (bank_code, service_ref, source_id, current_flag, provider_ref,"
                + " recipient_ref, unified_category, start_at, end_at, status, credited_minutes,"
                + " received_at) values (?, ?, 'src', 'Y', ?, ?, ?, ?, ?, ?, ?, CURRENT_TIMESTAMP)")
        .params(
            bank,
            ref,
            provider,
            recipient,
            category,
            start,
            start.plusMinutes(minutes),
            status,
            minutes)
        .update();
  }

  /** A current service with its funding (ISSUED, BALANCE or POOL). */
  public void service(
      String bank,
      String ref,
      String provider,
      String recipient,
      String category,
      LocalDateTime start,
      int minutes,
      String status,
      String funding) {
    service(bank, ref, provider, recipient, category, start, minutes, status);
    jdbc.sql("update services set funding = ? where bank_code = ? and service_ref = ?")
        .params(funding, bank, ref)
        .update();
  }

  /** One ledger line (the chain's hashes are not computed: reports do not verify them). */
  public void entry(
      String bank,
      String accountKind,
      String participant,
      long minutes,
      String kind,
      String sourceRef,
      LocalDateTime postedAt) {
    long seq = ++chain;
    jdbc.sql(
            "insert into ledger_entries (id, bank_code, chain_seq, posting_id, line_no,"
                + " account_kind, participant_ref, amount_minutes, entry_kind, source_ref,"
                + " source_id, idempotency_key, posted_at, prev_hash, entry_hash)"
                + " values (?, ?, ?, ?, 1, ?, ?, ?, ?, ?, 'src', ?, ?, ?, ?)")
        .params(
            seq,
            bank,
            seq,
            seq,
            accountKind,
            participant,
            minutes,
            kind,
            sourceRef,
            "key-" + seq,
            postedAt,
            HASH,
            HASH)
        .update();
  }

  public static String pdfText(byte[] pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document);
    }
  }

  /** Every row of the first sheet as its cells: numbers as Double, texts as String. */
  public static List<List<Object>> xlsxRows(byte[] xlsx) throws IOException {
    List<List<Object>> rows = new ArrayList<>();
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      for (Row row : workbook.getSheetAt(0)) {
        List<Object> cells = new ArrayList<>();
        for (Cell cell : row) {
          if (cell.getCellType() == CellType.NUMERIC) {
            cells.add(cell.getNumericCellValue());
          } else if (cell.getCellType() == CellType.STRING
              && !cell.getStringCellValue().isBlank()) {
            cells.add(cell.getStringCellValue());
          }
        }
        if (!cells.isEmpty()) {
          rows.add(cells);
        }
      }
    }
    return rows;
  }
}
