package cn.timebank.scoring.finding;

import cn.timebank.scoring.shared.ParticipantId;
import cn.timebank.standards.model.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A307: one person (the same {@code provider_key}) with COMPLETED services in two banks that
 * overlap by at least {@code A307.min_overlap_minutes}. One finding per person and period, naming
 * the person's participant in each bank and every service of such a pair; reported under the lowest
 * bank code.
 */
final class CrossBankOverlaps implements Detector {

  private final JdbcClient jdbc;

  CrossBankOverlaps(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public FindingCode code() {
    return FindingCode.A307;
  }

  @Override
  public List<Finding> detect(Period period, FindingRules rules) {
    Map<String, List<OverlapQuery.Pair>> byPerson = new LinkedHashMap<>();
    for (OverlapQuery.Pair pair :
        OverlapQuery.pairs(
            jdbc,
            "b.provider_key = a.provider_key and b.bank_code > a.bank_code"
                + " and a.provider_key is not null",
            period)) {
      if (pair.a().overlapMinutes(pair.b()) >= rules.a307().minOverlapMinutes()) {
        byPerson.computeIfAbsent(pair.a().providerKey(), k -> new ArrayList<>()).add(pair);
      }
    }
    List<Finding> findings = new ArrayList<>();
    byPerson.forEach(
        (person, pairs) -> {
          List<ParticipantId> participants = new ArrayList<>();
          List<RecordRef> records = new ArrayList<>();
          TreeSet<String> banks = new TreeSet<>();
          for (OverlapQuery.Pair pair : pairs) {
            for (ServiceRow s : List.of(pair.a(), pair.b())) {
              participants.add(s.providerId());
              records.add(s.record());
              banks.add(s.bank());
            }
          }
          findings.add(
              Finding.of(
                  code(),
                  participants,
                  records,
                  "serves in banks "
                      + String.join(", ", banks)
                      + " at overlapping times: "
                      + pairs.size()
                      + " pair(s)"));
        });
    return findings;
  }
}
