package cn.timebank.scoring.rating;

import cn.timebank.standards.model.Period;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The figures of every bank's rating for a period. From SQL: the banks to rate (registered by the
 * period's last day and not CLOSED, or with a package for the period), the period's packages
 * ({@code packages}: sequence, received/due times in UTC, late flag, status) and the distinct
 * records the period's findings name per bank ({@code GROUP BY}). From each package's receipt JSON
 * (spec §5): {@code counts.files.{name}.{read, accepted, rejected}}.
 */
final class RatingInputsQuery {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final ObjectMapper JSON = JsonMapper.builder().build();

  static final String BANKS =
      """
      select bank_code from banks where registered_since <= :last and status <> 'CLOSED'
      union
      select bank_code from packages where report_month = :period and bank_code is not null
      order by 1
      """;

  static final String PACKAGES =
      """
      select bank_code, seq_no, received_at, due_at, late, status, receipt_json
      from packages
      where report_month = :period and bank_code is not null
      order by bank_code, received_at, package_id
      """;

  static final String NAMED =
      """
      select bank_code, count(*) as named
      from (select distinct bank_code, record_kind, record_ref
            from cs_finding_records
            where score_period = :period and rules_version = :rules) named_records
      group by bank_code
      """;

  private record PackageRow(
      String bank,
      int sequence,
      LocalDateTime receivedAt,
      @Nullable LocalDateTime dueAt,
      boolean late,
      String status,
      @Nullable String receipt) {}

  private final JdbcClient jdbc;

  RatingInputsQuery(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  List<RatingInputs> inputs(Period period, RatingRules rules, String findingRulesVersion) {
    List<String> banks =
        jdbc.sql(BANKS)
            .param("last", period.lastDay())
            .param("period", period.toString())
            .query(String.class)
            .list();
    Map<String, List<PackageRow>> packages = new HashMap<>();
    jdbc.sql(PACKAGES)
        .param("period", period.toString())
        .query(
            (rs, n) ->
                new PackageRow(
                    rs.getString("bank_code"),
                    rs.getInt("seq_no"),
                    rs.getObject("received_at", LocalDateTime.class),
                    rs.getObject("due_at", LocalDateTime.class),
                    "Y".equals(rs.getString("late")),
                    rs.getString("status"),
                    rs.getString("receipt_json")))
        .list()
        .forEach(p -> packages.computeIfAbsent(p.bank(), b -> new ArrayList<>()).add(p));
    Map<String, Long> named = new HashMap<>();
    jdbc.sql(NAMED)
        .param("period", period.toString())
        .param("rules", findingRulesVersion)
        .query((rs, n) -> named.put(rs.getString("bank_code"), rs.getLong("named")))
        .list();
    List<RatingInputs> inputs = new ArrayList<>();
    for (String bank : banks) {
      inputs.add(
          of(bank, packages.getOrDefault(bank, List.of()), named.getOrDefault(bank, 0L), rules));
    }
    return inputs;
  }

  private static RatingInputs of(
      String bank, List<PackageRow> packages, long named, RatingRules rules) {
    PackageRow first = null;
    int corrections = 0;
    Set<String> delivered = new HashSet<>();
    long read = 0;
    long rejected = 0;
    long accepted = 0;
    for (PackageRow p : packages) {
      boolean held = !p.status().equals("RJCT");
      if (held && first == null) {
        first = p;
      }
      if (held && p.sequence() > 1) {
        corrections++;
      }
      JsonNode files =
          p.receipt() == null ? null : JSON.readTree(p.receipt()).path("counts").path("files");
      if (files == null || !files.isObject()) {
        continue;
      }
      for (Map.Entry<String, JsonNode> file : files.properties()) {
        read += file.getValue().path("read").asLong(0);
        rejected += file.getValue().path("rejected").asLong(0);
        accepted += file.getValue().path("accepted").asLong(0);
        if (held) {
          delivered.add(type(file.getKey()));
        }
      }
    }
    int expectedDelivered = 0;
    for (String type : rules.expectedFiles()) {
      if (delivered.contains(type)) {
        expectedDelivered++;
      }
    }
    return new RatingInputs(
        bank,
        first != null,
        first == null ? 0 : daysLate(first),
        rules.expectedFiles().size(),
        expectedDelivered,
        read,
        rejected,
        accepted,
        named,
        corrections);
  }

  /** {@code services.csv} → {@code SERVICES}. */
  static String type(String fileName) {
    int dot = fileName.lastIndexOf('.');
    return (dot < 0 ? fileName : fileName.substring(0, dot)).toUpperCase(Locale.ROOT);
  }

  /**
   * Days between the due date and the receipt, as calendar days in Asia/Shanghai (the stored times
   * are UTC); at least 1 when the package is late.
   */
  static long daysLate(PackageRow p) {
    if (!p.late()) {
      return 0;
    }
    if (p.dueAt() == null) {
      return 1;
    }
    long days =
        ChronoUnit.DAYS.between(
            p.dueAt().atOffset(ZoneOffset.UTC).atZoneSameInstant(SHANGHAI).toLocalDate(),
            p.receivedAt().atOffset(ZoneOffset.UTC).atZoneSameInstant(SHANGHAI).toLocalDate());
    return Math.max(1, days);
  }
}
