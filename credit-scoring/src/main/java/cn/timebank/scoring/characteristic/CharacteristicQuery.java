package cn.timebank.scoring.characteristic;

import cn.timebank.scoring.scorecard.CharacteristicValue;
import cn.timebank.scoring.scorecard.Subject;
import cn.timebank.scoring.shared.ParticipantId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterUtils;
import org.springframework.jdbc.core.namedparam.ParsedSql;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Characteristics read together: the expressions of every characteristic of one {@link Source} go
 * into one grouped query over that source. Two ways to read them:
 *
 * <ul>
 *   <li>{@link #values}: for refs of one bank, one query per source used;
 *   <li>{@link #population}: for every participant a scorecard scores (role, registered by the
 *       period's end), one statement: each source grouped once over the window and joined to {@code
 *       participants}, ordered by bank and ref — one pass over {@code services} per side instead of
 *       one query per characteristic and chunk.
 * </ul>
 */
final class CharacteristicQuery {

  private final List<SqlCharacteristic> characteristics;
  private final Map<Source, List<SqlCharacteristic>> bySource = new EnumMap<>(Source.class);

  CharacteristicQuery(List<SqlCharacteristic> characteristics) {
    this.characteristics = List.copyOf(characteristics);
    for (SqlCharacteristic c : characteristics) {
      bySource.computeIfAbsent(c.source(), s -> new ArrayList<>()).add(c);
    }
  }

  /** Values of {@code refs} (at most 500) of {@code bank}: ref → name → value, refs in order. */
  Map<String, Map<String, CharacteristicValue>> values(
      JdbcClient jdbc, ScoringContext context, String bank, List<String> refs) {
    if (refs.size() > SqlCharacteristic.MAX_REFS) {
      throw new IllegalArgumentException("at most " + SqlCharacteristic.MAX_REFS + " refs at once");
    }
    Map<String, Map<String, CharacteristicValue>> found = new HashMap<>();
    if (!refs.isEmpty()) {
      Map<String, Object> params = params(context);
      params.put("bank", bank);
      params.put("refs", refs);
      for (Map.Entry<Source, List<SqlCharacteristic>> source : bySource.entrySet()) {
        jdbc.sql(refsQuery(source.getKey(), source.getValue()))
            .params(params)
            .query(
                (rs, n) -> {
                  Map<String, CharacteristicValue> row =
                      found.computeIfAbsent(rs.getString("cq_ref"), r -> new HashMap<>());
                  for (SqlCharacteristic c : source.getValue()) {
                    row.put(c.name(), c.valueOf(rs));
                  }
                  return null;
                })
            .list();
      }
    }
    Map<String, Map<String, CharacteristicValue>> values = new LinkedHashMap<>();
    for (String ref : refs) {
      Map<String, CharacteristicValue> row = found.getOrDefault(ref, Map.of());
      Map<String, CharacteristicValue> ordered = new LinkedHashMap<>();
      for (SqlCharacteristic c : characteristics) {
        ordered.put(c.name(), row.containsKey(c.name()) ? row.get(c.name()) : c.absent());
      }
      values.put(ref, ordered);
    }
    return values;
  }

  /** The statement of {@link #population}, with named parameters (for tests and the log). */
  String populationSql() {
    StringBuilder select =
        new StringBuilder("select p.bank_code as cq_bank, p.participant_ref as cq_ref");
    StringBuilder from = new StringBuilder(" from participants p");
    for (Map.Entry<Source, List<SqlCharacteristic>> entry : bySource.entrySet()) {
      Source source = entry.getKey();
      if (source.grouped()) {
        select.append(", ").append(source.alias()).append('.').append(source.refColumn());
        select.append(" as ").append(source.alias()).append("_ref");
        for (SqlCharacteristic c : entry.getValue()) {
          for (String alias : c.columns().keySet()) {
            select.append(", ").append(source.alias()).append('.').append(alias);
          }
        }
        from.append(" left join (select bank_code, ")
            .append(source.refColumn())
            .append(columnList(entry.getValue()))
            .append(" from ")
            .append(source.table())
            .append(" where ")
            .append(source.filter())
            .append(" group by bank_code, ")
            .append(source.refColumn())
            .append(") ")
            .append(source.alias())
            .append(" on ")
            .append(source.alias())
            .append(".bank_code = p.bank_code and ")
            .append(source.alias())
            .append('.')
            .append(source.refColumn())
            .append(" = p.participant_ref");
      } else {
        select.append(columnList(entry.getValue()));
      }
    }
    return select
        + from.toString()
        + " where p.roles in (:subject, 'BOTH')"
        + " and (p.registered_on is null or p.registered_on <= :last_day)"
        + " order by p.bank_code, p.participant_ref";
  }

  /** Every participant {@code subject}'s scorecard scores, with its values, in bank/ref order. */
  PopulationQuery population(ScoringContext context, Subject subject) {
    Map<String, Object> params = params(context);
    params.put("subject", subject.name());
    params.put("last_day", context.period().lastDay());
    String named = populationSql();
    ParsedSql parsed = NamedParameterUtils.parseSqlStatement(named);
    MapSqlParameterSource source = new MapSqlParameterSource(params);
    String sql = NamedParameterUtils.substituteNamedParameters(parsed, source);
    List<Object> args = List.of(NamedParameterUtils.buildValueArray(parsed, source, null));
    return new PopulationQuery(sql, args, (rs, n) -> row(rs));
  }

  private ParticipantValues row(ResultSet rs) throws SQLException {
    Map<Source, Boolean> found = new EnumMap<>(Source.class);
    for (Source source : bySource.keySet()) {
      found.put(source, !source.grouped() || rs.getString(source.alias() + "_ref") != null);
    }
    Map<String, CharacteristicValue> values = new LinkedHashMap<>();
    for (SqlCharacteristic c : characteristics) {
      values.put(c.name(), found.get(c.source()) ? c.valueOf(rs) : c.absent());
    }
    return new ParticipantValues(
        new ParticipantId(rs.getString("cq_bank"), rs.getString("cq_ref")), values);
  }

  private static String refsQuery(Source source, List<SqlCharacteristic> characteristics) {
    String where =
        (source.grouped() ? source.filter() + " and " : "")
            + "bank_code = :bank and "
            + source.refColumn()
            + " in (:refs)";
    return "select "
        + source.refColumn()
        + " as cq_ref"
        + columnList(characteristics)
        + " from "
        + source.table()
        + " where "
        + where
        + (source.grouped() ? " group by " + source.refColumn() : "");
  }

  private static String columnList(List<SqlCharacteristic> characteristics) {
    StringBuilder list = new StringBuilder();
    for (SqlCharacteristic c : characteristics) {
      c.columns()
          .forEach(
              (alias, expression) ->
                  list.append(", ").append(expression).append(" as ").append(alias));
    }
    return list.toString();
  }

  private static Map<String, Object> params(ScoringContext context) {
    Map<String, Object> params = new HashMap<>();
    params.put("from", context.window().from());
    params.put("to", context.window().to());
    params.put("period", context.period().toString());
    params.put("rules", context.rulesVersion());
    return params;
  }
}
