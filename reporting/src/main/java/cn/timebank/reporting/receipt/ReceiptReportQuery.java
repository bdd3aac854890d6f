package cn.timebank.reporting.receipt;

import cn.timebank.ingestion.receipt.Receipt;
import cn.timebank.ingestion.receipt.ReceiptJson;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The query of the receipt report: a package's receipt, as stored in {@code packages.receipt_json}
 * when the package was processed. Receipts are never rewritten, so the report shows what the bank
 * was told.
 */
public final class ReceiptReportQuery {

  private static final String SQL =
      "select receipt_json from packages where package_id = :packageId";

  private final JdbcClient jdbc;

  public ReceiptReportQuery(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The receipt of a package, or empty when the package is unknown or has no receipt stored. */
  public Optional<Receipt> byPackageId(String packageId) {
    return jdbc.sql(SQL)
        .param("packageId", packageId)
        .query(String.class)
        .optional()
        .map(ReceiptJson::read);
  }
}
