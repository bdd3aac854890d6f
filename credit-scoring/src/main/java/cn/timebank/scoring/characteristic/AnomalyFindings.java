package cn.timebank.scoring.characteristic;

import cn.timebank.scoring.scorecard.CharacteristicValue;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code anomaly_findings} (integrity): the number of findings (A301–A307) of the scored period,
 * under the findings rules in force, that name the participant. The job computes the period's
 * findings before its scores. None: 0.
 */
final class AnomalyFindings extends SqlCharacteristic {

  static final String SQL =
      """
      select participant_ref as ref, count(distinct finding_no) as findings
      from cs_finding_parties
      where score_period = :period and rules_version = :rules
        and bank_code = :bank and participant_ref in (:refs)
      group by participant_ref
      """;

  AnomalyFindings(JdbcClient jdbc) {
    super(jdbc);
  }

  @Override
  public String name() {
    return "anomaly_findings";
  }

  @Override
  public String definition() {
    return "anomaly findings (A301-A307) of the period naming the participant";
  }

  @Override
  String sql() {
    return SQL;
  }

  @Override
  CharacteristicValue valueOf(ResultSet row) throws SQLException {
    return CharacteristicValue.of(row.getLong("findings"));
  }

  @Override
  CharacteristicValue absent() {
    return CharacteristicValue.of(0);
  }
}
