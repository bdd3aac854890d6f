package cn.timebank.reporting.compliance;

import cn.timebank.ingestion.receipt.Receipt;
import cn.timebank.ingestion.receipt.ReceiptJson;
import cn.timebank.ledger.audit.AuditTrail;
import cn.timebank.ledger.audit.StoredAuditEvent;
import cn.timebank.ledger.verify.LedgerVerifier;
import cn.timebank.reporting.ReportRenderer;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The query of the compliance report. Receipts are read as stored (what the bank was told);
 * findings are counted per code in SQL; the liability of a period's end is the sum of the
 * participants' positive balances over the entries posted before it (Beijing time), one grouped
 * query per period; the rating is the newest rating version stored for the period; the audit
 * trail's part is the bank's events recorded since the period began.
 */
public final class ComplianceReportQuery {

  private static final String BANK = "select name, region_code from banks where bank_code = :bank";

  private static final String RECEIPTS =
      "select receipt_json from packages where bank_code = :bank and report_month = :period"
          + " and receipt_json is not null order by seq_no, received_at";

  private static final String FINDINGS =
      "select finding_code, count(*) from cs_findings where bank_code = :bank"
          + " and score_period = :period group by finding_code order by finding_code";

  private static final String LIABILITY =
      "select coalesce(sum(balance), 0) from (select participant_ref, sum(amount_minutes) as"
          + " balance from ledger_entries where bank_code = :bank and account_kind ="
          + " 'PARTICIPANT' and posted_at < :end group by participant_ref) b where balance > 0";

  private static final String RATING =
      "select rating_version, punctuality, completeness, accuracy, stability, plausibility,"
          + " total_score, grade, days_late, files_expected, files_delivered, records_read,"
          + " records_rejected, records_accepted, records_named, corrections"
          + " from cs_bank_ratings where bank_code = :bank and score_period = :period"
          + " order by rating_version desc";

  /** The most audit events the report shows (the latest). */
  public static final int AUDIT_EVENTS = 30;

  private final JdbcClient jdbc;
  private final LedgerVerifier verifier;
  private final AuditTrail audit;

  public ComplianceReportQuery(JdbcClient jdbc, LedgerVerifier verifier, AuditTrail audit) {
    this.jdbc = jdbc;
    this.verifier = verifier;
    this.audit = audit;
  }

  /** The compliance of a bank in a period; empty when the bank is not registered. */
  public Optional<Compliance> of(String bank, YearMonth period) {
    Optional<String[]> head =
        jdbc.sql(BANK)
            .param("bank", bank)
            .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
            .optional();
    if (head.isEmpty()) {
      return Optional.empty();
    }
    String p = period.toString();
    List<Receipt> receipts =
        jdbc
            .sql(RECEIPTS)
            .param("bank", bank)
            .param("period", p)
            .query(String.class)
            .list()
            .stream()
            .map(ReceiptJson::read)
            .toList();
    List<Compliance.CodeCount> findings =
        jdbc.sql(FINDINGS)
            .param("bank", bank)
            .param("period", p)
            .query((rs, n) -> new Compliance.CodeCount(rs.getString(1), rs.getLong(2)))
            .list();
    List<Compliance.PeriodAmount> liability = new ArrayList<>();
    for (int back = 11; back >= 0; back--) {
      YearMonth month = period.minusMonths(back);
      LocalDateTime end =
          month
              .plusMonths(1)
              .atDay(1)
              .atStartOfDay(ReportRenderer.ZONE)
              .withZoneSameInstant(ZoneOffset.UTC)
              .toLocalDateTime();
      long minutes =
          jdbc.sql(LIABILITY).param("bank", bank).param("end", end).query(Long.class).single();
      liability.add(new Compliance.PeriodAmount(month.toString(), minutes));
    }
    Optional<Compliance.Rating> rating =
        jdbc
            .sql(RATING)
            .param("bank", bank)
            .param("period", p)
            .query(
                (rs, n) ->
                    new Compliance.Rating(
                        rs.getString(1),
                        rs.getBigDecimal(2),
                        rs.getBigDecimal(3),
                        rs.getBigDecimal(4),
                        rs.getBigDecimal(5),
                        rs.getBigDecimal(6),
                        rs.getBigDecimal(7),
                        rs.getString(8),
                        rs.getLong(9),
                        rs.getLong(10),
                        rs.getLong(11),
                        rs.getLong(12),
                        rs.getLong(13),
                        rs.getLong(14),
                        rs.getLong(15),
                        rs.getLong(16)))
            .list()
            .stream()
            .findFirst();
    return Optional.of(
        new Compliance(
            bank,
            head.get()[0],
            head.get()[1],
            p,
            receipts,
            findings,
            verifier.verify(bank),
            liability,
            rating,
            auditLines(bank, period)));
  }

  /** The bank's audit events since the period's first day (Beijing time), the latest ones. */
  private List<Compliance.AuditLine> auditLines(String bank, YearMonth period) {
    Instant since = period.atDay(1).atStartOfDay(ReportRenderer.ZONE).toInstant();
    List<StoredAuditEvent> events = audit.since(since, Optional.of(bank));
    return events.subList(Math.max(0, events.size() - AUDIT_EVENTS), events.size()).stream()
        .map(StoredAuditEvent::event)
        .map(
            e ->
                new Compliance.AuditLine(
                    e.at(), e.actor(), e.origin(), e.action().name(), e.target()))
        .toList();
  }
}
