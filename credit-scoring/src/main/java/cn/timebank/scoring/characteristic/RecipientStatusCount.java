package cn.timebank.scoring.characteristic;

import cn.timebank.scoring.scorecard.CharacteristicValue;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The recipient's services of one status that started in the window (current versions): {@code
 * recipient_no_shows} (NO_SHOW_RECIPIENT), {@code recipient_disputes} (DISPUTED), {@code
 * recipient_cancellations} (CANCELLED; the spec does not say who cancelled, so a cancellation
 * counts against the recipient here and against the provider's completion rate). None: 0.
 */
final class RecipientStatusCount extends SqlCharacteristic {

  private final String name;
  private final String status;

  private RecipientStatusCount(JdbcClient jdbc, String name, String status) {
    super(jdbc);
    this.name = name;
    this.status = status;
  }

  static RecipientStatusCount noShows(JdbcClient jdbc) {
    return new RecipientStatusCount(jdbc, "recipient_no_shows", "NO_SHOW_RECIPIENT");
  }

  static RecipientStatusCount disputes(JdbcClient jdbc) {
    return new RecipientStatusCount(jdbc, "recipient_disputes", "DISPUTED");
  }

  static RecipientStatusCount cancellations(JdbcClient jdbc) {
    return new RecipientStatusCount(jdbc, "recipient_cancellations", "CANCELLED");
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String definition() {
    return "services with status " + status + " received by the participant";
  }

  @Override
  Source source() {
    return Source.RECEIVED;
  }

  @Override
  Map<String, String> columns() {
    return Map.of(alias(), "sum(case when status = '" + status + "' then 1 else 0 end)");
  }

  private String alias() {
    return "rs_" + name.substring("recipient_".length());
  }

  @Override
  CharacteristicValue valueOf(ResultSet row) throws SQLException {
    return CharacteristicValue.of(row.getLong(alias()));
  }

  @Override
  CharacteristicValue absent() {
    return CharacteristicValue.of(0);
  }
}
