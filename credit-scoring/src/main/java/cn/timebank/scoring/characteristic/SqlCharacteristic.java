package cn.timebank.scoring.characteristic;

import cn.timebank.scoring.scorecard.CharacteristicValue;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A characteristic computed by one SQL query that returns at most one row per participant, with the
 * participant in column {@code ref}. Named parameters: {@code :bank}, {@code :refs}, {@code :from}
 * and {@code :to} (the window, local times, half-open), {@code :period} ({@code YYYY-MM}) and
 * {@code :rules} (findings rules version). A participant without a row gets {@link #absent()}.
 */
abstract class SqlCharacteristic implements Characteristic {

  /** At most this many refs in one {@code IN} list (Oracle allows 1000). */
  static final int MAX_REFS = 500;

  private final JdbcClient jdbc;

  SqlCharacteristic(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The query; see the class comment for its parameters. */
  abstract String sql();

  /** The value of the row the result set stands on. */
  abstract CharacteristicValue valueOf(ResultSet row) throws SQLException;

  /** The value of a participant the query returned no row for. */
  abstract CharacteristicValue absent();

  @Override
  public boolean numeric() {
    return true;
  }

  @Override
  public final Map<String, CharacteristicValue> values(
      ScoringContext context, String bank, List<String> refs) {
    if (refs.isEmpty()) {
      return Map.of();
    }
    if (refs.size() > MAX_REFS) {
      throw new IllegalArgumentException("at most " + MAX_REFS + " refs at once");
    }
    Map<String, Object> params = new HashMap<>();
    params.put("bank", bank);
    params.put("refs", refs);
    params.put("from", context.window().from());
    params.put("to", context.window().to());
    params.put("period", context.period().toString());
    params.put("rules", context.rulesVersion());
    Map<String, CharacteristicValue> found = new HashMap<>();
    jdbc.sql(sql())
        .params(params)
        .query(
            (rs, n) -> {
              found.put(rs.getString("ref"), valueOf(rs));
              return null;
            })
        .list();
    Map<String, CharacteristicValue> values = new LinkedHashMap<>();
    for (String ref : refs) {
      values.put(ref, found.getOrDefault(ref, absent()));
    }
    return values;
  }
}
