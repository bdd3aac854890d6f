package cn.timebank.reporting.statement;

import cn.timebank.reporting.ReportData;
import cn.timebank.reporting.ReportDefinition;
import cn.timebank.reporting.ReportLocales;
import cn.timebank.scoring.store.StoredScore;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The participant statement (存折对账单): header (bank, participant, masked identity number, roles,
 * balance in hours), then three sections — the account's entries with the balance after each, the
 * scores of the period with their grades, and the reasons of each score.
 */
public final class StatementReport implements ReportDefinition<Statement> {

  /** The sections of the report, in print order. */
  enum Section {
    ENTRIES,
    SCORES,
    REASONS
  }

  private static final String NOT_KNOWN = "—";
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  @Override
  public String name() {
    return "statement";
  }

  @Override
  public ReportData data(Statement statement, Locale locale) {
    Map<String, @Nullable Object> parameters = new HashMap<>();
    parameters.put("BANK_CODE", statement.bankCode());
    parameters.put("BANK_NAME", statement.bankName());
    parameters.put("PARTICIPANT_REF", statement.participantRef());
    parameters.put("MASKED_ID", orNotKnown(statement.maskedId()));
    parameters.put("ROLES", statement.roles() == null ? "UNKNOWN" : statement.roles());
    parameters.put(
        "REGISTERED_ON",
        statement.registeredOn() == null ? NOT_KNOWN : statement.registeredOn().toString());
    parameters.put("STATUS", statement.status());
    parameters.put("CREDITED_MINUTES", statement.creditedMinutes());
    parameters.put("DEBITED_MINUTES", statement.debitedMinutes());
    parameters.put("BALANCE_MINUTES", statement.balanceMinutes());
    parameters.put("ENTRY_COUNT", (long) statement.entries().size());
    parameters.put("SCORE_PERIOD", orNotKnown(statement.scorePeriod()));

    List<Map<String, @Nullable Object>> rows = new ArrayList<>();
    for (Statement.Entry entry : statement.entries()) {
      Map<String, @Nullable Object> row = row(Section.ENTRIES);
      row.put("seq", entry.chainSeq());
      row.put("postedAt", TIME.format(entry.postedAt()));
      row.put("kind", entry.kind());
      row.put("ref", entry.sourceRef());
      row.put("serviceDate", entry.serviceDate() == null ? null : entry.serviceDate().toString());
      row.put("category", entry.category());
      row.put("minutes", entry.minutes());
      row.put("balance", entry.balanceMinutes());
      rows.add(row);
    }
    noneIfEmpty(rows, Section.ENTRIES);
    boolean english = ReportLocales.EN.equals(locale);
    for (StoredScore score : statement.scores()) {
      Map<String, @Nullable Object> row = row(Section.SCORES);
      row.put("subject", score.subject().name());
      row.put("card", score.cardVersion());
      row.put("score", (long) score.score());
      row.put("grade", score.grade());
      rows.add(row);
    }
    noneIfEmpty(rows, Section.SCORES);
    for (StoredScore score : statement.scores()) {
      for (StoredScore.StoredReason reason : score.reasons()) {
        Map<String, @Nullable Object> row = row(Section.REASONS);
        row.put("subject", score.subject().name());
        row.put("rank", (long) reason.rank());
        row.put("code", reason.code());
        row.put("text", english ? reason.en() : reason.zh());
        row.put("points", reason.points());
        rows.add(row);
      }
    }
    noneIfEmpty(rows, Section.REASONS);
    return new ReportData(rows, parameters);
  }

  private static void noneIfEmpty(List<Map<String, @Nullable Object>> rows, Section section) {
    if (rows.isEmpty() || !section.name().equals(rows.get(rows.size() - 1).get("section"))) {
      Map<String, @Nullable Object> row = row(section);
      row.put("empty", true);
      rows.add(row);
    }
  }

  private static Map<String, @Nullable Object> row(Section section) {
    Map<String, @Nullable Object> row = new HashMap<>();
    row.put("section", section.name());
    row.put("empty", false);
    return row;
  }

  private static String orNotKnown(@Nullable String value) {
    return value == null ? NOT_KNOWN : value;
  }
}
