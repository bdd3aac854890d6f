package cn.timebank.scoring.finding;

import cn.timebank.scoring.shared.ParticipantId;
import cn.timebank.scoring.shared.ScoringWindow;
import cn.timebank.standards.model.Period;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A304: short cycles A→B→C→A of COMPLETED services among three distinct participants of one bank,
 * whose three services start within {@code A304.window_days} days; reported in the period in which
 * the latest of the three starts. SQL gives the edge list (one row per service, provider →
 * recipient) from {@code window_days} before the period to its end, ordered by bank; the cycles are
 * found over each bank's graph in Java: each cycle once, from its lowest ref, in both directions
 * (A→B→C→A and A→C→B→A are different cycles). For each cycle the three services with the shortest
 * span are named (ties: the lowest refs).
 *
 * <p>Memory stays bounded by one bank's edges: the rows are streamed ({@value #FETCH} per round
 * trip; PostgreSQL streams only inside a transaction, as the job's {@code findings} step is), each
 * edge keeps only its service ref and start, and a bank's graph is searched and dropped as soon as
 * the next bank's rows begin.
 */
final class ShortCycles implements Detector {

  static final String EDGES =
      "select s.bank_code, s.provider_ref, s.recipient_ref, s.start_at, s.service_ref"
          + " from services s"
          + " where s.current_flag = 'Y' and s.status = 'COMPLETED' and s.recipient_ref is not null"
          + " and s.provider_ref <> s.recipient_ref"
          + " and s.start_at >= :from and s.start_at < :to"
          + " order by s.bank_code, s.provider_ref, s.recipient_ref, s.start_at, s.service_ref";

  /** Rows fetched per round trip. */
  static final int FETCH = 10_000;

  /** One service as an edge of the graph: what the search and the finding need. */
  private record Edge(String ref, LocalDateTime start) {}

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
    List<Finding> findings = new ArrayList<>();
    BankByBank banks = new BankByBank(days, month.from(), findings);
    jdbc.sql(EDGES)
        .withFetchSize(FETCH)
        .param("from", month.from().minusDays(days))
        .param("to", month.to())
        .query(banks::row);
    banks.finish();
    return findings;
  }

  /**
   * Builds one bank's graph at a time from the rows (ordered by bank), searching each when done.
   */
  private static final class BankByBank {

    private final int days;
    private final LocalDateTime periodStart;
    private final List<Finding> findings;
    private @Nullable BankGraph current;

    BankByBank(int days, LocalDateTime periodStart, List<Finding> findings) {
      this.days = days;
      this.periodStart = periodStart;
      this.findings = findings;
    }

    void row(ResultSet rs) throws SQLException {
      String bank = rs.getString(1);
      BankGraph graph = current;
      if (graph == null || !graph.bank.equals(bank)) {
        finish();
        graph = new BankGraph(bank);
        current = graph;
      }
      graph.add(
          rs.getString(2),
          rs.getString(3),
          new Edge(rs.getString(5), rs.getObject(4, LocalDateTime.class)));
    }

    void finish() {
      BankGraph graph = current;
      if (graph != null) {
        graph.search(days, periodStart, findings);
        current = null;
      }
    }
  }

  /** One bank's edges: provider → recipient → services (sorted maps: deterministic order). */
  private static final class BankGraph {

    private final String bank;
    private final Map<String, Map<String, List<Edge>>> out = new TreeMap<>();

    BankGraph(String bank) {
      this.bank = bank;
    }

    void add(String provider, String recipient, Edge edge) {
      out.computeIfAbsent(provider, p -> new TreeMap<>())
          .computeIfAbsent(recipient, r -> new ArrayList<>())
          .add(edge);
    }

    void search(int days, LocalDateTime periodStart, List<Finding> findings) {
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
                                List<Edge> ca = out.getOrDefault(c, Map.of()).get(a);
                                if (ca == null) {
                                  return;
                                }
                                List<Edge> best = shortest(ab, bc, ca, days, periodStart);
                                if (!best.isEmpty()) {
                                  findings.add(finding(a, b, c, best));
                                }
                              })));
    }

    private Finding finding(String a, String b, String c, List<Edge> services) {
      LocalDateTime first = services.stream().map(Edge::start).min(LocalDateTime::compareTo).get();
      LocalDateTime last = services.stream().map(Edge::start).max(LocalDateTime::compareTo).get();
      return Finding.of(
          FindingCode.A304,
          List.of(
              new ParticipantId(bank, a), new ParticipantId(bank, b), new ParticipantId(bank, c)),
          services.stream().map(e -> RecordRef.service(bank, e.ref())).toList(),
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
  }

  /** The three services (one per edge) with the shortest span within the limits, or none. */
  private static List<Edge> shortest(
      List<Edge> ab, List<Edge> bc, List<Edge> ca, int days, LocalDateTime periodStart) {
    List<Edge> best = List.of();
    Duration bestSpan = null;
    Duration limit = Duration.ofDays(days);
    for (Edge x : ab) {
      for (Edge y : bc) {
        for (Edge z : ca) {
          LocalDateTime first = min(min(x.start(), y.start()), z.start());
          LocalDateTime last = max(max(x.start(), y.start()), z.start());
          Duration span = Duration.between(first, last);
          if (last.isBefore(periodStart) || span.compareTo(limit) > 0) {
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
