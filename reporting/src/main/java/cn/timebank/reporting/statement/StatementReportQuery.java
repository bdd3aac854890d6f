package cn.timebank.reporting.statement;

import cn.timebank.reporting.ReportRenderer;
import cn.timebank.scoring.shared.ParticipantId;
import cn.timebank.scoring.store.ParticipantScores;
import cn.timebank.standards.model.Period;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The query of the statement: the participant row, the entries of its {@code PARTICIPANT} account
 * in chain order with the running balance (a window sum), the credit/debit totals (one grouped
 * query) and the stored scores of the asked period (or the latest scored one).
 */
public final class StatementReportQuery {

  private static final String PARTICIPANT =
      "select p.masked_id, p.roles, p.registered_on, p.status, b.name"
          + " from participants p join banks b on b.bank_code = p.bank_code"
          + " where p.bank_code = :bank and p.participant_ref = :ref";

  private static final String ENTRIES =
      "select e.chain_seq, e.posted_at, e.entry_kind, e.source_ref, s.start_at,"
          + " s.unified_category, e.amount_minutes,"
          + " sum(e.amount_minutes) over (order by e.chain_seq) as balance"
          + " from ledger_entries e"
          + " left join services s on s.bank_code = e.bank_code and s.service_ref = e.source_ref"
          + " and s.source_id = e.source_id"
          + " where e.bank_code = :bank and e.account_kind = 'PARTICIPANT'"
          + " and e.participant_ref = :ref"
          + " order by e.chain_seq";

  private static final String TOTALS =
      "select coalesce(sum(case when amount_minutes > 0 then amount_minutes else 0 end), 0),"
          + " coalesce(sum(case when amount_minutes < 0 then -amount_minutes else 0 end), 0),"
          + " coalesce(sum(amount_minutes), 0)"
          + " from ledger_entries"
          + " where bank_code = :bank and account_kind = 'PARTICIPANT' and participant_ref = :ref";

  private final JdbcClient jdbc;
  private final ParticipantScores scores;

  public StatementReportQuery(JdbcClient jdbc, ParticipantScores scores) {
    this.jdbc = jdbc;
    this.scores = scores;
  }

  /**
   * The statement of a participant, with the scores of {@code period} (the latest scored period
   * when null); empty when the bank has no such participant.
   */
  public Optional<Statement> of(String bank, String ref, @Nullable Period period) {
    record Head(
        @Nullable String masked,
        @Nullable String roles,
        java.time.@Nullable LocalDate registered,
        String status,
        String bankName) {}
    Optional<Head> head =
        jdbc.sql(PARTICIPANT)
            .param("bank", bank)
            .param("ref", ref)
            .query(
                (rs, n) -> {
                  Date registered = rs.getDate(3);
                  return new Head(
                      rs.getString(1),
                      rs.getString(2),
                      registered == null ? null : registered.toLocalDate(),
                      rs.getString(4),
                      rs.getString(5));
                })
            .optional();
    if (head.isEmpty()) {
      return Optional.empty();
    }
    List<Statement.Entry> entries =
        jdbc.sql(ENTRIES)
            .param("bank", bank)
            .param("ref", ref)
            .query(
                (rs, n) -> {
                  Timestamp start = rs.getTimestamp(5);
                  return new Statement.Entry(
                      rs.getLong(1),
                      rs.getTimestamp(2)
                          .toLocalDateTime()
                          .atOffset(ZoneOffset.UTC)
                          .atZoneSameInstant(ReportRenderer.ZONE)
                          .toLocalDateTime(),
                      rs.getString(3),
                      rs.getString(4),
                      start == null ? null : start.toLocalDateTime().toLocalDate(),
                      rs.getString(6),
                      rs.getLong(7),
                      rs.getLong(8));
                })
            .list();
    long[] totals =
        jdbc.sql(TOTALS)
            .param("bank", bank)
            .param("ref", ref)
            .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)})
            .single();
    ParticipantId id = new ParticipantId(bank, ref);
    Optional<Period> scored = period != null ? Optional.of(period) : scores.latestPeriod(id);
    Head h = head.get();
    return Optional.of(
        new Statement(
            bank,
            h.bankName(),
            ref,
            h.masked(),
            h.roles(),
            h.registered(),
            h.status(),
            entries,
            totals[0],
            totals[1],
            totals[2],
            scored.map(Period::toString).orElse(null),
            scored.map(p -> scores.of(id, p)).orElse(List.of())));
  }
}
