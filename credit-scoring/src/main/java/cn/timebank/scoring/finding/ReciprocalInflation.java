package cn.timebank.scoring.finding;

import cn.timebank.scoring.shared.ParticipantId;
import cn.timebank.scoring.shared.ScoringWindow;
import cn.timebank.standards.model.Period;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A303: two participants of one bank serving each other with similar hours that make up most of
 * each one's credit, over the {@code A303.window_days} days ending with the period. SQL gives the
 * edge list (provider → recipient: services, credited minutes; {@code GROUP BY}) and each
 * provider's credited minutes; a pair A⇄B is flagged when both directions have at least {@code
 * min_services_each_way} services and minutes above zero, {@code |m(A→B) − m(B→A)| / max ≤
 * max_difference}, and {@code m(A→B) ≥ min_share × credit(A)} and {@code m(B→A) ≥ min_share ×
 * credit(B)}. Names both participants and the services of both directions.
 */
final class ReciprocalInflation implements Detector {

  static final String EDGES =
      """
      select bank_code, provider_ref, recipient_ref, count(*) as services,
             coalesce(sum(credited_minutes), 0) as minutes
      from services
      where current_flag = 'Y' and status = 'COMPLETED' and recipient_ref is not null
        and start_at >= :from and start_at < :to
      group by bank_code, provider_ref, recipient_ref
      order by bank_code, provider_ref, recipient_ref
      """;

  static final String CREDIT =
      """
      select bank_code, provider_ref, coalesce(sum(credited_minutes), 0) as minutes
      from services
      where current_flag = 'Y' and status = 'COMPLETED'
        and start_at >= :from and start_at < :to
      group by bank_code, provider_ref
      """;

  /**
   * The services of the flagged pairs, for a batch of pairs at once (their refs, at most {@value
   * #MAX_REFS}): one pass over the window per batch instead of one query per pair.
   */
  static final String SERVICES =
      """
      select bank_code, provider_ref, recipient_ref, service_ref from services
      where current_flag = 'Y' and status = 'COMPLETED' and provider_ref in (:refs)
        and recipient_ref is not null
        and start_at >= :from and start_at < :to
      order by service_ref
      """;

  /** At most this many refs in one {@code IN} list (Oracle allows 1000). */
  static final int MAX_REFS = 500;

  private record Edge(
      String bank, String provider, String recipient, long services, long minutes) {}

  /** A flagged pair: {@code ab} from the lower ref, {@code ba} back. */
  private record Pair(Edge ab, Edge ba) {
    String key() {
      return ReciprocalInflation.key(ab.bank(), ab.provider(), ab.recipient());
    }
  }

  private final JdbcClient jdbc;

  ReciprocalInflation(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public FindingCode code() {
    return FindingCode.A303;
  }

  @Override
  public List<Finding> detect(Period period, FindingRules rules) {
    FindingRules.Reciprocal r = rules.a303();
    ScoringWindow window = ScoringWindow.daysEnding(period, r.windowDays());
    List<Edge> edges =
        jdbc.sql(EDGES)
            .param("from", window.from())
            .param("to", window.to())
            .query(
                (rs, n) ->
                    new Edge(
                        rs.getString("bank_code"),
                        rs.getString("provider_ref"),
                        rs.getString("recipient_ref"),
                        rs.getLong("services"),
                        rs.getLong("minutes")))
            .list();
    Map<ParticipantId, Long> credit = new HashMap<>();
    jdbc.sql(CREDIT)
        .param("from", window.from())
        .param("to", window.to())
        .query(
            (rs, n) ->
                credit.put(
                    new ParticipantId(rs.getString("bank_code"), rs.getString("provider_ref")),
                    rs.getLong("minutes")))
        .list();
    Map<String, Edge> byKey = new HashMap<>();
    edges.forEach(e -> byKey.put(e.bank() + "\u0000" + e.provider() + "\u0000" + e.recipient(), e));
    List<Pair> pairs = new ArrayList<>();
    for (Edge ab : edges) {
      if (ab.provider().compareTo(ab.recipient()) >= 0) {
        continue; // each pair once, from its lower ref
      }
      Edge ba = byKey.get(ab.bank() + "\u0000" + ab.recipient() + "\u0000" + ab.provider());
      if (ba != null && reciprocal(ab, ba, credit, r)) {
        pairs.add(new Pair(ab, ba));
      }
    }
    Map<String, List<RecordRef>> records = services(pairs, window);
    List<Finding> findings = new ArrayList<>();
    for (Pair pair : pairs) {
      Edge ab = pair.ab();
      Edge ba = pair.ba();
      findings.add(
          Finding.of(
              code(),
              List.of(
                  new ParticipantId(ab.bank(), ab.provider()),
                  new ParticipantId(ab.bank(), ab.recipient())),
              records.get(pair.key()),
              ab.provider()
                  + " -> "
                  + ab.recipient()
                  + " "
                  + ab.minutes()
                  + " min in "
                  + ab.services()
                  + " services; back "
                  + ba.minutes()
                  + " min in "
                  + ba.services()
                  + " services ("
                  + r.windowDays()
                  + " days)"));
    }
    return findings;
  }

  /**
   * Each pair's services in both directions, ordered by {@code service_ref}: pairs are taken in
   * batches whose refs fit one {@code IN} list, each pair in exactly one batch (so its list comes
   * from one ordered query).
   */
  private Map<String, List<RecordRef>> services(List<Pair> pairs, ScoringWindow window) {
    Map<String, List<RecordRef>> records = new HashMap<>();
    Set<String> refs = new LinkedHashSet<>();
    Set<String> batch = new HashSet<>();
    for (Pair pair : pairs) {
      records.put(pair.key(), new ArrayList<>());
      if (refs.size() + 2 > MAX_REFS) {
        collect(batch, refs, window, records);
        refs.clear();
        batch.clear();
      }
      batch.add(pair.key());
      refs.add(pair.ab().provider());
      refs.add(pair.ab().recipient());
    }
    if (!batch.isEmpty()) {
      collect(batch, refs, window, records);
    }
    records.replaceAll((k, v) -> List.copyOf(v));
    return records;
  }

  private void collect(
      Set<String> batch,
      Set<String> refs,
      ScoringWindow window,
      Map<String, List<RecordRef>> records) {
    jdbc.sql(SERVICES)
        .param("refs", List.copyOf(refs))
        .param("from", window.from())
        .param("to", window.to())
        .query(
            (rs, n) -> {
              String bank = rs.getString("bank_code");
              String provider = rs.getString("provider_ref");
              String recipient = rs.getString("recipient_ref");
              String key =
                  provider.compareTo(recipient) < 0
                      ? key(bank, provider, recipient)
                      : key(bank, recipient, provider);
              if (batch.contains(key)) {
                records.get(key).add(RecordRef.service(bank, rs.getString("service_ref")));
              }
              return null;
            })
        .list();
  }

  private static String key(String bank, String lower, String higher) {
    return bank + "\u0000" + lower + "\u0000" + higher;
  }

  private static boolean reciprocal(
      Edge ab, Edge ba, Map<ParticipantId, Long> credit, FindingRules.Reciprocal r) {
    if (ab.services() < r.minServicesEachWay() || ba.services() < r.minServicesEachWay()) {
      return false;
    }
    if (ab.minutes() <= 0 || ba.minutes() <= 0) {
      return false;
    }
    BigDecimal larger = BigDecimal.valueOf(Math.max(ab.minutes(), ba.minutes()));
    BigDecimal difference =
        BigDecimal.valueOf(Math.abs(ab.minutes() - ba.minutes()))
            .divide(larger, 10, RoundingMode.HALF_UP);
    if (difference.compareTo(r.maxDifference()) > 0) {
      return false;
    }
    return share(ab, credit.get(new ParticipantId(ab.bank(), ab.provider())), r)
        && share(ba, credit.get(new ParticipantId(ba.bank(), ba.provider())), r);
  }

  private static boolean share(Edge edge, Long credit, FindingRules.Reciprocal r) {
    return credit != null
        && credit > 0
        && BigDecimal.valueOf(edge.minutes())
                .compareTo(r.minShare().multiply(BigDecimal.valueOf(credit)))
            >= 0;
  }
}
