package cn.timebank.scoring.finding;

import cn.timebank.scoring.shared.ParticipantId;
import cn.timebank.scoring.shared.ScoringWindow;
import cn.timebank.standards.model.Period;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A304: short cycles A→B→C→A of COMPLETED services among three distinct participants of one bank,
 * whose three services start within {@code A304.window_days} days; reported in the period in which
 * the latest of the three starts. SQL gives the edge list (one row per service, provider →
 * recipient) from {@code window_days} before the period to its end; the cycles are found over the
 * graph in Java: each cycle once, from its lowest ref, in both directions (A→B→C→A and A→C→B→A are
 * different cycles). For each cycle the three services with the shortest span are named (ties: the
 * lowest refs).
 */
final class ShortCycles implements Detector {

  static final String EDGES =
      "select "
          + ServiceRow.COLUMNS
          + " from services s"
          + " where s.current_flag = 'Y' and s.status = 'COMPLETED' and s.recipient_ref is not null"
          + " and s.provider_ref <> s.recipient_ref"
          + " and s.start_at >= :from and s.start_at < :to"
          + " order by s.bank_code, s.provider_ref, s.recipient_ref, s.start_at, s.service_ref";

  private final JdbcClient jdbc;

  ShortCycles(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public FindingCode code() {
    return FindingCode.A304;
  }

  @Override
  public List<Finding> detect(Period period, FindingRules rules) {
    int days = rules.a304().windowDays();
    ScoringWindow month = ScoringWindow.periodOnly(period);
    // bank -> provider -> recipient -> services (sorted maps: deterministic order)
    Map<String, Map<String, Map<String, List<ServiceRow>>>> graph = new TreeMap<>();
    jdbc.sql(EDGES)
        .param("from", month.from().minusDays(days))
        .param("to", month.to())
        .query((rs, n) -> ServiceRow.map(rs))
        .list()
        .forEach(
            s ->
                graph
                    .computeIfAbsent(s.bank(), b -> new TreeMap<>())
                    .computeIfAbsent(s.provider(), p -> new TreeMap<>())
                    .computeIfAbsent(s.recipient(), r -> new ArrayList<>())
                    .add(s));
    List<Finding> findings = new ArrayList<>();
    graph.forEach(
        (bank, out) ->
            out.forEach(
                (a, fromA) ->
                    fromA.forEach(
                        (b, ab) ->
                            out.getOrDefault(b, Map.of())
                                .forEach(
                                    (c, bc) -> {
                                      if (c.compareTo(a) <= 0 || b.compareTo(a) <= 0) {
                                        return; // a is the lowest of three distinct refs
                                      }
                                      List<ServiceRow> ca = out.getOrDefault(c, Map.of()).get(a);
                                      if (ca == null) {
                                        return;
                                      }
                                      List<ServiceRow> best =
                                          shortest(ab, bc, ca, days, month.from());
                                      if (!best.isEmpty()) {
                                        findings.add(finding(bank, a, b, c, best));
                                      }
                                    }))));
    return findings;
  }

  private Finding finding(String bank, String a, String b, String c, List<ServiceRow> services) {
    LocalDateTime first =
        services.stream().map(ServiceRow::start).min(LocalDateTime::compareTo).get();
    LocalDateTime last =
        services.stream().map(ServiceRow::start).max(LocalDateTime::compareTo).get();
    return Finding.of(
        code(),
        List.of(new ParticipantId(bank, a), new ParticipantId(bank, b), new ParticipantId(bank, c)),
        services.stream().map(ServiceRow::record).toList(),
        a
            + " -> "
            + b
            + " -> "
            + c
            + " -> "
            + a
            + " within "
            + Duration.between(first, last).toDays()
            + " days");
  }

  /** The three services (one per edge) with the shortest span within the limits, or none. */
  private static List<ServiceRow> shortest(
      List<ServiceRow> ab,
      List<ServiceRow> bc,
      List<ServiceRow> ca,
      int days,
      LocalDateTime periodStart) {
    List<ServiceRow> best = List.of();
    Duration bestSpan = null;
    for (ServiceRow x : ab) {
      for (ServiceRow y : bc) {
        for (ServiceRow z : ca) {
          LocalDateTime first = min(min(x.start(), y.start()), z.start());
          LocalDateTime last = max(max(x.start(), y.start()), z.start());
          Duration span = Duration.between(first, last);
          if (last.isBefore(periodStart) || span.compareTo(Duration.ofDays(days)) > 0) {
            continue;
          }
          if (bestSpan == null || span.compareTo(bestSpan) < 0) {
            best = List.of(x, y, z);
            bestSpan = span;
          }
        }
      }
    }
    return best;
  }

  private static LocalDateTime min(LocalDateTime a, LocalDateTime b) {
    return a.isBefore(b) ? a : b;
  }

  private static LocalDateTime max(LocalDateTime a, LocalDateTime b) {
    return a.isAfter(b) ? a : b;
  }
}
