package cn.timebank.scoring.characteristic;

import cn.timebank.scoring.scorecard.CharacteristicValue;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A characteristic computed in SQL: select expressions over one {@link Source} (aggregates for the
 * grouped sources, plain expressions over {@code participants}), each with an alias of its own, and
 * the value made of them. {@link CharacteristicQuery} puts the characteristics of one source into
 * one query — per bank and refs, or for a scorecard's whole population — so each characteristic's
 * rule is written once, here, whichever way it is read. A participant without a row in the source
 * (nothing provided, nothing received, no finding) gets {@link #absent()}.
 */
abstract class SqlCharacteristic implements Characteristic {

  /** At most this many refs in one {@code IN} list (Oracle allows 1000). */
  static final int MAX_REFS = 500;

  private final JdbcClient jdbc;

  SqlCharacteristic(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The source its expressions are over. */
  abstract Source source();

  /**
   * Its select expressions by alias (aliases unique among all characteristics, at most 30
   * characters), e.g. {@code ch_minutes → sum(case when status = 'COMPLETED' then credited_minutes
   * else 0 end)}.
   */
  abstract Map<String, String> columns();

  /**
   * The value of a participant with a row in the source, read by the aliases of {@link #columns}.
   */
  abstract CharacteristicValue valueOf(ResultSet row) throws SQLException;

  /** The value of a participant without a row in the source. */
  abstract CharacteristicValue absent();

  @Override
  public boolean numeric() {
    return true;
  }

  @Override
  public final Map<String, CharacteristicValue> values(
      ScoringContext context, String bank, List<String> refs) {
    return new CharacteristicQuery(List.of(this))
        .values(jdbc, context, bank, refs).entrySet().stream()
            .collect(
                java.util.stream.Collectors.toMap(
                    Map.Entry::getKey,
                    e -> e.getValue().get(name()),
                    (a, b) -> a,
                    java.util.LinkedHashMap::new));
  }
}
