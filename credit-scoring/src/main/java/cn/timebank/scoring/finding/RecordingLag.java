package cn.timebank.scoring.finding;

import cn.timebank.scoring.shared.ParticipantId;
import cn.timebank.scoring.shared.ScoringWindow;
import cn.timebank.standards.model.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A305: a provider with at least {@code A305.min_services} services started in the period and
 * recorded more than {@code A305.max_lag_days} days after the service's end (its start when it has
 * none). The lag is compared in SQL with an interval literal {@code interval 'N' day}, which H2,
 * PostgreSQL and Oracle all read (N is a validated whole number of at most 99 days, Oracle's
 * default interval precision).
 */
final class RecordingLag implements Detector {

  static final String SQL =
      "select "
          + ServiceRow.COLUMNS
          + " from services s"
          + " where s.current_flag = 'Y' and s.recorded_at is not null"
          + " and s.start_at >= :from and s.start_at < :to"
          + " and s.recorded_at > coalesce(s.end_at, s.start_at) + interval '%d' day"
          + " order by s.bank_code, s.provider_ref, s.start_at, s.service_ref";

  private final JdbcClient jdbc;

  RecordingLag(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public FindingCode code() {
    return FindingCode.A305;
  }

  @Override
  public List<Finding> detect(Period period, FindingRules rules) {
    ScoringWindow window = ScoringWindow.periodOnly(period);
    Map<ParticipantId, List<ServiceRow>> byProvider = new LinkedHashMap<>();
    jdbc.sql(String.format(java.util.Locale.ROOT, SQL, rules.a305().maxLagDays()))
        .param("from", window.from())
        .param("to", window.to())
        .query((rs, n) -> ServiceRow.map(rs))
        .list()
        .forEach(s -> byProvider.computeIfAbsent(s.providerId(), p -> new ArrayList<>()).add(s));
    List<Finding> findings = new ArrayList<>();
    byProvider.forEach(
        (provider, services) -> {
          if (services.size() >= rules.a305().minServices()) {
            findings.add(
                Finding.of(
                    code(),
                    List.of(provider),
                    services.stream().map(ServiceRow::record).toList(),
                    services.size()
                        + " service(s) recorded more than "
                        + rules.a305().maxLagDays()
                        + " days after the service"));
          }
        });
    return findings;
  }
}
