package cn.timebank.scoring.finding;

import cn.timebank.scoring.shared.ParticipantId;
import cn.timebank.scoring.shared.ScoringWindow;
import cn.timebank.standards.model.Period;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

  static final String SERVICES =
      """
      select service_ref from services
      where current_flag = 'Y' and status = 'COMPLETED' and bank_code = :bank
        and ((provider_ref = :a and recipient_ref = :b) or (provider_ref = :b and recipient_ref = :a))
        and start_at >= :from and start_at < :to
      order by service_ref
      """;

  private record Edge(
      String bank, String provider, String recipient, long services, long minutes) {}

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
    List<Finding> findings = new ArrayList<>();
    for (Edge ab : edges) {
      if (ab.provider().compareTo(ab.recipient()) >= 0) {
        continue; // each pair once, from its lower ref
      }
      Edge ba = byKey.get(ab.bank() + "\u0000" + ab.recipient() + "\u0000" + ab.provider());
      if (ba == null || !reciprocal(ab, ba, credit, r)) {
        continue;
      }
      List<RecordRef> records =
          jdbc
              .sql(SERVICES)
              .param("bank", ab.bank())
              .param("a", ab.provider())
              .param("b", ab.recipient())
              .param("from", window.from())
              .param("to", window.to())
              .query(String.class)
              .list()
              .stream()
              .map(ref -> RecordRef.service(ab.bank(), ref))
              .toList();
      findings.add(
          Finding.of(
              code(),
              List.of(
                  new ParticipantId(ab.bank(), ab.provider()),
                  new ParticipantId(ab.bank(), ab.recipient())),
              records,
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
