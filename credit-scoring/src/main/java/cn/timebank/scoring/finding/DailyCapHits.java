package cn.timebank.scoring.finding;

import cn.timebank.scoring.shared.ParticipantId;
import cn.timebank.scoring.shared.ScoringWindow;
import cn.timebank.standards.model.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A302: a person (person key; the daily cap is across banks) whose services carry W201 (daily cap
 * reached) on at least {@code A302.min_cap_days} days of the period. Names the W201 services and
 * the person's participants.
 */
final class DailyCapHits implements Detector {

  static final String SQL =
      "select "
          + ServiceRow.COLUMNS
          + ","
          + " extract(year from s.start_at) * 10000 + extract(month from s.start_at) * 100"
          + " + extract(day from s.start_at) as day_key"
          + " from services s"
          + " where s.current_flag = 'Y' and s.result_codes like '%W201%'"
          + " and s.start_at >= :from and s.start_at < :to"
          + " order by s.provider_key, s.bank_code, s.provider_ref, s.start_at, s.service_ref";

  private final JdbcClient jdbc;

  DailyCapHits(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public FindingCode code() {
    return FindingCode.A302;
  }

  private record Hit(ServiceRow service, long day) {}

  @Override
  public List<Finding> detect(Period period, FindingRules rules) {
    ScoringWindow window = ScoringWindow.periodOnly(period);
    Map<String, List<Hit>> byPerson = new LinkedHashMap<>();
    jdbc.sql(SQL)
        .param("from", window.from())
        .param("to", window.to())
        .query((rs, n) -> new Hit(ServiceRow.map(rs), rs.getLong("day_key")))
        .list()
        .forEach(
            hit -> {
              ServiceRow s = hit.service();
              String person =
                  s.providerKey() != null ? s.providerKey() : s.bank() + ":" + s.provider();
              byPerson.computeIfAbsent(person, p -> new ArrayList<>()).add(hit);
            });
    List<Finding> findings = new ArrayList<>();
    byPerson.forEach(
        (person, hits) -> {
          Set<Long> days = new TreeSet<>();
          hits.forEach(h -> days.add(h.day()));
          if (days.size() >= rules.a302().minCapDays()) {
            List<ParticipantId> participants = new ArrayList<>();
            List<RecordRef> records = new ArrayList<>();
            hits.forEach(
                h -> {
                  participants.add(h.service().providerId());
                  records.add(h.service().record());
                });
            findings.add(
                Finding.of(
                    code(),
                    participants,
                    records,
                    "daily cap reached (W201) on " + days.size() + " days of " + period));
          }
        });
    return findings;
  }
}
