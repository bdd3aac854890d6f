package cn.timebank.ledger.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The portable subset of SQL that every common migration keeps, so that it runs on H2, PostgreSQL
 * and Oracle alike (Oracle cannot run here): names of at most 30 characters, no reserved word as a
 * name, none of the types one of the three databases lacks. Used by the portability tests of each
 * module that owns migrations (ledger, credit scoring), from this module's test-jar.
 */
public final class PortableSql {

  /** Types one of the three databases lacks (or spells differently). */
  public static final Pattern NON_PORTABLE_TYPES =
      Pattern.compile("\\b(bigint|boolean|text|clob|serial|identity|varchar2|number)\\b");

  /** Reserved in Oracle, PostgreSQL or H2 (default mode), and a few SQL-standard traps. */
  public static final Set<String> RESERVED =
      Set.of(
          "access",
          "add",
          "all",
          "alter",
          "and",
          "any",
          "as",
          "asc",
          "audit",
          "between",
          "by",
          "char",
          "check",
          "cluster",
          "column",
          "comment",
          "compress",
          "connect",
          "create",
          "current",
          "date",
          "day",
          "decimal",
          "default",
          "delete",
          "desc",
          "distinct",
          "drop",
          "else",
          "end",
          "exclusive",
          "exists",
          "file",
          "float",
          "for",
          "from",
          "grant",
          "group",
          "having",
          "hour",
          "identified",
          "immediate",
          "in",
          "increment",
          "index",
          "initial",
          "insert",
          "integer",
          "intersect",
          "interval",
          "into",
          "is",
          "key",
          "level",
          "like",
          "limit",
          "lock",
          "long",
          "minus",
          "minute",
          "mode",
          "modify",
          "month",
          "noaudit",
          "nocompress",
          "not",
          "nowait",
          "null",
          "number",
          "of",
          "offline",
          "offset",
          "on",
          "online",
          "option",
          "or",
          "order",
          "pctfree",
          "period",
          "prior",
          "public",
          "range",
          "raw",
          "rename",
          "resource",
          "revoke",
          "row",
          "rowid",
          "rownum",
          "rows",
          "second",
          "select",
          "session",
          "set",
          "share",
          "size",
          "smallint",
          "start",
          "successful",
          "synonym",
          "sysdate",
          "table",
          "then",
          "to",
          "top",
          "trigger",
          "type",
          "uid",
          "union",
          "unique",
          "update",
          "user",
          "validate",
          "value",
          "values",
          "varchar",
          "varchar2",
          "view",
          "whenever",
          "where",
          "window",
          "with",
          "year");

  private static final Pattern TABLE =
      Pattern.compile("create table (\\w+) \\((.*?)\\n\\);", Pattern.DOTALL);
  private static final Pattern OTHER_NAMES =
      Pattern.compile("(?:constraint|create index|create sequence|alter table \\w+ add) (\\w+)");

  /** Oracle adds a column with {@code add name type}: it has no {@code add column}. */
  public static final Pattern ADD_COLUMN = Pattern.compile("\\badd column\\b");

  private PortableSql() {}

  /** The given common migrations, comments removed, lower case. */
  public static String migrations(String... files) {
    StringBuilder all = new StringBuilder();
    for (String migration : files) {
      try (InputStream in =
          PortableSql.class.getResourceAsStream("/db/migration/common/" + migration)) {
        all.append(
                new String(
                    Objects.requireNonNull(in, migration).readAllBytes(), StandardCharsets.UTF_8))
            .append('\n');
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return all.toString().replaceAll("--[^\\n]*", "").toLowerCase(Locale.ROOT);
  }

  /**
   * The names a migration gives: tables, columns (created or added), constraints, indexes,
   * sequences.
   */
  public static List<String> names(String sql) {
    List<String> names = new ArrayList<>();
    Matcher table = TABLE.matcher(sql);
    while (table.find()) {
      names.add(table.group(1));
      for (String line : table.group(2).split("\\n")) {
        String first = line.trim().split("\\s+")[0];
        if (!first.isEmpty()
            && !first.equals("constraint")
            && !first.startsWith("or")
            && !first.startsWith("check")
            && !first.startsWith("(")) {
          names.add(first);
        }
      }
    }
    Matcher other = OTHER_NAMES.matcher(sql);
    while (other.find()) {
      names.add(other.group(1));
    }
    return names;
  }
}
