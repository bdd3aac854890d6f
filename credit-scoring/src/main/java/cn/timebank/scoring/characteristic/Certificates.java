package cn.timebank.scoring.characteristic;

import cn.timebank.scoring.scorecard.CharacteristicValue;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code certificates}: the certificate codes the participant holds now ({@code
 * participants.certificates}, {@code ;}-separated, null when none): separators + 1. Not in the
 * participants table: 0.
 */
final class Certificates extends SqlCharacteristic {

  static final String SQL =
      """
      select participant_ref as ref,
             case when certificates is null then 0
                  else length(certificates) - length(replace(certificates, ';', '')) + 1
             end as held
      from participants
      where bank_code = :bank and participant_ref in (:refs)
      """;

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
  String sql() {
    return SQL;
  }

  @Override
  CharacteristicValue valueOf(ResultSet row) throws SQLException {
    return CharacteristicValue.of(row.getLong("held"));
  }

  @Override
  CharacteristicValue absent() {
    return CharacteristicValue.of(0);
  }
}
