package cn.timebank.ledger.store;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** R119's memory ({@code first_packages}): the first package accepted from each bank. */
public final class FirstPackageStore {

  /** A bank's first accepted package: its month ({@code YYYY-MM}) and package id. */
  public record FirstPackageRow(String bank, String month, String packageId) {}

  private final JdbcClient jdbc;

  public FirstPackageStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<FirstPackageRow> find(String bank) {
    return jdbc.sql(
            "select bank_code, report_month, package_id from first_packages where bank_code = ?")
        .param(bank)
        .query(
            (rs, n) ->
                new FirstPackageRow(
                    rs.getString("bank_code"),
                    rs.getString("report_month"),
                    rs.getString("package_id")))
        .optional();
  }

  /** Keeps the first: a bank that has one keeps it. */
  public void saveIfAbsent(FirstPackageRow row) {
    if (find(row.bank()).isEmpty()) {
      jdbc.sql("insert into first_packages (bank_code, report_month, package_id) values (?, ?, ?)")
          .params(row.bank(), row.month(), row.packageId())
          .update();
    }
  }
}
