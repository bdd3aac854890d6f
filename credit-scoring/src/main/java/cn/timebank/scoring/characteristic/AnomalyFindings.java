package cn.timebank.scoring.characteristic;

import cn.timebank.scoring.scorecard.CharacteristicValue;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code anomaly_findings} (integrity): the number of findings (A301–A307) of the scored period,
 * under the findings rules in force, that name the participant. The job computes the period's
 * findings before its scores. None: 0.
 */
final class AnomalyFindings extends SqlCharacteristic {

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
  Source source() {
    return Source.FINDINGS;
  }

  @Override
  Map<String, String> columns() {
    return Map.of("af_findings", "count(distinct finding_no)");
  }

  @Override
  CharacteristicValue valueOf(ResultSet row) throws SQLException {
    return CharacteristicValue.of(row.getLong("af_findings"));
  }

  @Override
  CharacteristicValue absent() {
    return CharacteristicValue.of(0);
  }
}
