package cn.timebank.reporting.receipt;

import static org.assertj.core.api.Assertions.assertThat;

import cn.timebank.ingestion.receipt.Receipt;
import cn.timebank.ingestion.receipt.ReceiptJson;
import cn.timebank.ledger.schema.LedgerSchema;
import java.time.LocalDateTime;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/** The receipt query on the ledger's schema, in-memory H2. */
class ReceiptReportQueryTests {

  private final JdbcClient jdbc = JdbcClient.create(migratedH2());
  private final ReceiptReportQuery query = new ReceiptReportQuery(jdbc);

  @Test
  void loadsTheStoredReceiptOfAPackage() {
    Receipt receipt = ReceiptSamples.partlyAcceptedAndLate();
    jdbc.sql(
            "insert into packages (package_id, sha256, bank_code, report_month, seq_no,"
                + " received_at, due_at, late, status, receipt_json)"
                + " values (?, ?, ?, ?, ?, ?, ?, 'Y', ?, ?)")
        .params(
            receipt.packageId(),
            receipt.sha256(),
            receipt.bankCode(),
            receipt.period(),
            receipt.sequence(),
            LocalDateTime.of(2026, 11, 12, 1, 30),
            LocalDateTime.of(2026, 11, 9, 16, 0),
            receipt.status().name(),
            ReceiptJson.write(receipt))
        .update();

    assertThat(query.byPackageId(receipt.packageId())).contains(receipt);
  }

  @Test
  void findsNothingForAnUnknownPackage() {
    assertThat(query.byPackageId("310109-001_2026-10_9_00000000")).isEmpty();
  }

  /**
   * One connection for the test's life: H2 2.4 keeps the session that created a check constraint's
   * {@code IN} set, so the migrating session must stay open (the ledger's tests use a pool).
   */
  private static DataSource migratedH2() {
    SingleConnectionDataSource dataSource =
        new SingleConnectionDataSource(
            "jdbc:h2:mem:reporting_" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "", true);
    LedgerSchema.migrate(dataSource);
    return dataSource;
  }
}
