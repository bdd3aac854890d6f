package cn.timebank.scoring.finding;

import cn.timebank.scoring.shared.ParticipantId;
import cn.timebank.standards.model.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The findings of a period and rules version in {@code cs_findings}, {@code cs_finding_parties} and
 * {@code cs_finding_records}. {@link #replace} deletes that period+version's rows and inserts the
 * new ones numbered 1, 2, … in {@link Finding#ORDER}: the same findings give the same rows.
 */
final class FindingStore {

  private final JdbcClient jdbc;

  FindingStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Call inside a transaction. */
  void replace(Period period, String rulesVersion, List<Finding> findings) {
    String p = period.toString();
    for (String table : List.of("cs_finding_records", "cs_finding_parties", "cs_findings")) {
      jdbc.sql("delete from " + table + " where score_period = ? and rules_version = ?")
          .params(p, rulesVersion)
          .update();
    }
    List<Finding> sorted = new ArrayList<>(findings);
    sorted.sort(Finding.ORDER);
    for (int i = 0; i < sorted.size(); i++) {
      Finding f = sorted.get(i);
      int no = i + 1;
      jdbc.sql(
              "insert into cs_findings (score_period, rules_version, finding_no, finding_code,"
                  + " bank_code, detail) values (?, ?, ?, ?, ?, ?)")
          .params(p, rulesVersion, no, f.code().name(), f.bank(), f.detail())
          .update();
      for (int j = 0; j < f.participants().size(); j++) {
        ParticipantId party = f.participants().get(j);
        jdbc.sql(
                "insert into cs_finding_parties (score_period, rules_version, finding_no,"
                    + " party_no, bank_code, participant_ref) values (?, ?, ?, ?, ?, ?)")
            .params(p, rulesVersion, no, j + 1, party.bank(), party.ref())
            .update();
      }
      for (int j = 0; j < f.records().size(); j++) {
        RecordRef record = f.records().get(j);
        jdbc.sql(
                "insert into cs_finding_records (score_period, rules_version, finding_no,"
                    + " record_no, bank_code, record_kind, record_ref)"
                    + " values (?, ?, ?, ?, ?, ?, ?)")
            .params(p, rulesVersion, no, j + 1, record.bank(), record.kind(), record.ref())
            .update();
      }
    }
  }

  /** The stored findings of a period and rules version, in finding order. */
  List<Finding> list(Period period, String rulesVersion) {
    String p = period.toString();
    record Head(int no, String code, String bank, String detail) {}
    List<Head> heads =
        jdbc.sql(
                "select finding_no, finding_code, bank_code, detail from cs_findings"
                    + " where score_period = ? and rules_version = ? order by finding_no")
            .params(p, rulesVersion)
            .query(
                (rs, n) ->
                    new Head(
                        rs.getInt("finding_no"),
                        rs.getString("finding_code").trim(),
                        rs.getString("bank_code"),
                        rs.getString("detail")))
            .list();
    Map<Integer, List<ParticipantId>> parties = new LinkedHashMap<>();
    jdbc.sql(
            "select finding_no, bank_code, participant_ref from cs_finding_parties"
                + " where score_period = ? and rules_version = ? order by finding_no, party_no")
        .params(p, rulesVersion)
        .query(
            (rs, n) ->
                parties
                    .computeIfAbsent(rs.getInt(1), k -> new ArrayList<>())
                    .add(new ParticipantId(rs.getString(2), rs.getString(3))))
        .list();
    Map<Integer, List<RecordRef>> records = new LinkedHashMap<>();
    jdbc.sql(
            "select finding_no, bank_code, record_kind, record_ref from cs_finding_records"
                + " where score_period = ? and rules_version = ? order by finding_no, record_no")
        .params(p, rulesVersion)
        .query(
            (rs, n) ->
                records
                    .computeIfAbsent(rs.getInt(1), k -> new ArrayList<>())
                    .add(new RecordRef(rs.getString(2), rs.getString(3), rs.getString(4))))
        .list();
    List<Finding> findings = new ArrayList<>();
    for (Head h : heads) {
      findings.add(
          new Finding(
              FindingCode.valueOf(h.code()),
              h.bank(),
              parties.getOrDefault(h.no(), List.of()),
              records.getOrDefault(h.no(), List.of()),
              h.detail()));
    }
    return findings;
  }
}
