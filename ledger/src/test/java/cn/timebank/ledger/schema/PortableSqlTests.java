package cn.timebank.ledger.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Holds the common migration to the portable subset that Oracle needs too (Oracle cannot run here):
 * names of at most 30 characters, no reserved word as a name, none of the types one of the three
 * databases lacks.
 */
class PortableSqlTests {

  /** Reserved in Oracle, PostgreSQL or H2 (default mode), and a few SQL-standard traps. */
  private static final Set<String> RESERVED =
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
      Pattern.compile("(?:constraint|create index|create sequence) (\\w+)");

  private static final List<String> COMMON_MIGRATIONS =
      List.of("V1__canonical_store_and_ledger.sql", "V3__record_engine_state.sql");

  /** Every portable migration, comments removed, lower case. */
  private static String common() throws IOException {
    StringBuilder all = new StringBuilder();
    for (String migration : COMMON_MIGRATIONS) {
      try (InputStream in =
          PortableSqlTests.class.getResourceAsStream("/db/migration/common/" + migration)) {
        all.append(new String(Objects.requireNonNull(in).readAllBytes(), StandardCharsets.UTF_8))
            .append('\n');
      }
    }
    return all.toString().replaceAll("--[^\\n]*", "").toLowerCase(Locale.ROOT);
  }

  private static List<String> names(String sql) {
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

  @Test
  void namesAreShortAndNotReserved() throws IOException {
    List<String> names = names(common());

    assertThat(names)
        .contains(
            "ledger_entries",
            "amount_minutes",
            "ledger_entries_chain_uq",
            "credited_services",
            "staged_records");
    assertThat(names).allSatisfy(n -> assertThat(n.length()).as(n).isLessThanOrEqualTo(30));
    assertThat(names).noneMatch(RESERVED::contains);
  }

  @Test
  void usesOnlyTypesAllThreeDatabasesHave() throws IOException {
    String sql = common();

    assertThat(sql)
        .doesNotContainPattern("\\b(bigint|boolean|text|clob|serial|identity|varchar2|number)\\b");
  }
}
