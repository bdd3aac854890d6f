package cn.timebank.scoring.finding;

import cn.timebank.scoring.shared.ParticipantId;
import cn.timebank.scoring.shared.ScoringWindow;
import cn.timebank.standards.model.Period;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A306: a provider with at least {@code A306.min_ratings} rated COMPLETED services in the {@code
 * A306.window_days} days ending with the period, every one rated {@value #PERFECT} (the top of the
 * spec's 1–5 scale), at least one of them started in the period. The providers are found with
 * {@code GROUP BY ... HAVING} in SQL; a second query names their rated services.
 */
final class PerfectRatings implements Detector {

  static final int PERFECT = 5;

  static final String PROVIDERS =
      """
      select bank_code, provider_ref, count(rating) as ratings
      from services
      where current_flag = 'Y' and status = 'COMPLETED' and rating is not null
        and start_at >= :from and start_at < :to
      group by bank_code, provider_ref
      having count(rating) >= :min and min(rating) = :perfect and max(start_at) >= :periodStart
      order by bank_code, provider_ref
      """;

  static final String SERVICES =
      """
      select service_ref from services
      where current_flag = 'Y' and status = 'COMPLETED' and rating is not null
        and bank_code = :bank and provider_ref = :provider
        and start_at >= :from and start_at < :to
      order by service_ref
      """;

  private final JdbcClient jdbc;

  PerfectRatings(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public FindingCode code() {
    return FindingCode.A306;
  }

  @Override
  public List<Finding> detect(Period period, FindingRules rules) {
    ScoringWindow window = ScoringWindow.daysEnding(period, rules.a306().windowDays());
    record Flagged(ParticipantId provider, long ratings) {}
    List<Flagged> flagged =
        jdbc.sql(PROVIDERS)
            .param("from", window.from())
            .param("to", window.to())
            .param("min", rules.a306().minRatings())
            .param("perfect", PERFECT)
            .param("periodStart", window.periodStart())
            .query(
                (rs, n) ->
                    new Flagged(
                        new ParticipantId(rs.getString("bank_code"), rs.getString("provider_ref")),
                        rs.getLong("ratings")))
            .list();
    List<Finding> findings = new ArrayList<>();
    for (Flagged f : flagged) {
      List<RecordRef> records =
          jdbc
              .sql(SERVICES)
              .param("bank", f.provider().bank())
              .param("provider", f.provider().ref())
              .param("from", window.from())
              .param("to", window.to())
              .query(String.class)
              .list()
              .stream()
              .map(ref -> RecordRef.service(f.provider().bank(), ref))
              .toList();
      findings.add(
          Finding.of(
              code(),
              List.of(f.provider()),
              records,
              f.ratings()
                  + " ratings in "
                  + rules.a306().windowDays()
                  + " days, every one "
                  + PERFECT));
    }
    return findings;
  }
}
