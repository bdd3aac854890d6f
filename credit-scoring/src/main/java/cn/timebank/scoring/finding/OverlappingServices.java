package cn.timebank.scoring.finding;

import cn.timebank.scoring.shared.ParticipantId;
import cn.timebank.standards.model.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A301: a provider (one bank's participant) with COMPLETED services that overlap by at least {@code
 * A301.min_overlap_minutes}. One finding per provider and period, naming every service of such a
 * pair.
 */
final class OverlappingServices implements Detector {

  private final JdbcClient jdbc;

  OverlappingServices(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public FindingCode code() {
    return FindingCode.A301;
  }

  @Override
  public List<Finding> detect(Period period, FindingRules rules) {
    Map<ParticipantId, List<OverlapQuery.Pair>> byProvider = new LinkedHashMap<>();
    for (OverlapQuery.Pair pair :
        OverlapQuery.pairs(
            jdbc,
            "b.bank_code = a.bank_code and b.provider_ref = a.provider_ref"
                + " and b.service_ref > a.service_ref",
            period)) {
      if (pair.a().overlapMinutes(pair.b()) >= rules.a301().minOverlapMinutes()) {
        byProvider.computeIfAbsent(pair.a().providerId(), p -> new ArrayList<>()).add(pair);
      }
    }
    List<Finding> findings = new ArrayList<>();
    byProvider.forEach(
        (provider, pairs) -> {
          List<RecordRef> records = new ArrayList<>();
          long longest = 0;
          for (OverlapQuery.Pair pair : pairs) {
            records.add(pair.a().record());
            records.add(pair.b().record());
            longest = Math.max(longest, pair.a().overlapMinutes(pair.b()));
          }
          findings.add(
              Finding.of(
                  code(),
                  List.of(provider),
                  records,
                  pairs.size() + " overlapping pair(s); longest overlap " + longest + " min"));
        });
    return findings;
  }
}
