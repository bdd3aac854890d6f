package cn.timebank.ledger.store;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A query read a page at a time, in the order of one text column: each page starts after the last
 * value of the one before ({@code column > ?}), so a table of any size is read with a bounded
 * memory and each page is an index range read. The database's own order serves both the sort and
 * the comparison, so its collation does not matter as long as both use the same one: so on H2 and
 * PostgreSQL; on Oracle, {@code NLS_SORT} and {@code NLS_COMP} must agree (the application sets
 * both to binary on its connections). Portable to H2, PostgreSQL and Oracle 12c or later ({@code
 * fetch first n rows only}).
 */
public final class KeysetPages {

  private KeysetPages() {}

  /**
   * Gives {@code page} the values of {@code select} (a {@code select [distinct] column from … where
   * …} with its {@code params}), {@code size} at most a page, until none is left.
   */
  public static void forEach(
      JdbcClient jdbc,
      String select,
      String column,
      List<?> params,
      int size,
      Consumer<List<String>> page) {
    forEach(jdbc, select, column, params, size, (rs, n) -> rs.getString(1), v -> v, page);
  }

  /**
   * As above, for a {@code select} of several columns that {@code rows} maps; {@code keyOf} gives a
   * row's value of {@code column}, after which the next page starts (unique among the rows).
   */
  public static <T> void forEach(
      JdbcClient jdbc,
      String select,
      String column,
      List<?> params,
      int size,
      RowMapper<T> rows,
      Function<T, String> keyOf,
      Consumer<List<T>> page) {
    String last = null;
    while (true) {
      List<Object> args = new ArrayList<>(params);
      String sql = select;
      if (last != null) {
        sql += " and " + column + " > ?";
        args.add(last);
      }
      sql += " order by " + column + " fetch first " + size + " rows only";
      List<T> values = jdbc.sql(sql).params(args).query(rows).list();
      if (!values.isEmpty()) {
        page.accept(values);
      }
      if (values.size() < size) {
        return;
      }
      last = keyOf.apply(values.get(values.size() - 1));
    }
  }
}
