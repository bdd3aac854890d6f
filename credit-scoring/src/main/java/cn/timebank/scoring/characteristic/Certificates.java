package cn.timebank.scoring.characteristic;

import cn.timebank.scoring.scorecard.CharacteristicValue;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code certificates}: the certificate codes the participant holds now ({@code
 * participants.certificates}, {@code ;}-separated, null when none): separators + 1. Not in the
 * participants table: 0.
 */
final class Certificates extends SqlCharacteristic {

  Certificates(JdbcClient jdbc) {
    super(jdbc);
  }

  @Override
  public String name() {
    return "certificates";
  }

  @Override
  public String definition() {
    return "certificate codes held (participants.certificates)";
  }

  @Override
  Source source() {
    return Source.PARTICIPANT;
  }

  @Override
  Map<String, String> columns() {
    return Map.of(
        "ce_held",
        "case when certificates is null then 0 else length(certificates) - length(replace(certificates, ';', '')) + 1 end");
  }

  @Override
  CharacteristicValue valueOf(ResultSet row) throws SQLException {
    return CharacteristicValue.of(row.getLong("ce_held"));
  }

  @Override
  CharacteristicValue absent() {
    return CharacteristicValue.of(0);
  }
}
