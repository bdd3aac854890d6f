package cn.timebank.ledger.support;

import java.time.LocalDate;
import java.time.LocalDateTime;
import org.springframework.jdbc.core.JdbcTemplate;

/** Registers test banks (ledger entries reference {@code banks}). */
public final class Banks {

  private Banks() {}

  public static void register(JdbcTemplate jdbc, String... bankCodes) {
    for (String code : bankCodes) {
      jdbc.update(
          "insert into banks (bank_code, name, region_code, status, registered_since,"
              + " amount_basis, imported_at) values (?, ?, ?, 'ACTIVE', ?, 'DURATION', ?)",
          code,
          "时间银行 " + code,
          code.substring(0, 6),
          LocalDate.of(2024, 1, 1),
          LocalDateTime.of(2026, 11, 1, 0, 0));
    }
  }
}
