package cn.timebank.scoring.store;

import static org.assertj.core.api.Assertions.assertThat;

import cn.timebank.scoring.scorecard.Bin;
import cn.timebank.scoring.scorecard.CardCharacteristic;
import cn.timebank.scoring.scorecard.CharacteristicValue;
import cn.timebank.scoring.scorecard.PartialScore;
import cn.timebank.scoring.scorecard.Reason;
import cn.timebank.scoring.scorecard.ScoreResult;
import cn.timebank.scoring.scorecard.Scorecard;
import cn.timebank.scoring.scorecard.Scorecards;
import cn.timebank.scoring.scorecard.Subject;
import cn.timebank.scoring.shared.ParticipantId;
import cn.timebank.scoring.support.H2ScoringDatabase;
import cn.timebank.standards.model.Period;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The score rows as the store writes them (a packed row of parts per score) against the rows of one
 * {@code cs_score_parts} row per characteristic the store wrote before: the explanations read back
 * from both are the same, part by part.
 */
class ScoreStoreTests {

  static final Period OLD = Period.parse("2026-09");
  static final Period NEW = Period.parse("2026-10");

  private final H2ScoringDatabase db = new H2ScoringDatabase();
  private final ScoreStore store = new ScoreStore(db.dataSource());
  private final ParticipantScores scores =
      new ParticipantScores(JdbcClient.create(db.dataSource()), Scorecards.builtIn());

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void thePackedPartsReadBackAsTheRowsPerCharacteristicDid() {
    Random random = new Random(11);
    Map<ParticipantId, ScoreResult> results = new LinkedHashMap<>();
    for (Subject subject : Subject.values()) {
      Scorecard card = Scorecards.builtIn().inForce(subject, NEW);
      for (int i = 0; i < 40; i++) {
        Map<String, CharacteristicValue> values = new LinkedHashMap<>();
        for (CardCharacteristic c : card.characteristics()) {
          values.put(c.name(), randomValue(c, random));
        }
        results.put(new ParticipantId("310109-001", subject + "-" + i), card.score(values));
      }
    }
    store.insert(NEW, results);
    insertTheOldWay(OLD, results);

    int missing = 0;
    for (ParticipantId id : results.keySet()) {
      List<StoredScore> written = scores.of(id, NEW);
      List<StoredScore> old = scores.of(id, OLD);
      assertThat(written).hasSize(1);
      assertThat(written.get(0).parts()).as(id.toString()).isEqualTo(old.get(0).parts());
      assertThat(written.get(0).reasons()).isEqualTo(old.get(0).reasons());
      assertThat(written.get(0).score()).isEqualTo(old.get(0).score());
      missing += (int) written.get(0).parts().stream().filter(p -> p.value() == null).count();
    }
    assertThat(missing).as("some missing values among the parts").isPositive();
    assertThat(count("cs_score_parts", NEW)).isZero();
    assertThat(count("cs_score_part_sets", NEW)).isEqualTo(results.size());
  }

  @Test
  void clearingAPeriodRemovesItsOldAndItsPackedRows() {
    Scorecard card = Scorecards.builtIn().inForce(Subject.PROVIDER, NEW);
    Map<String, CharacteristicValue> values = new LinkedHashMap<>();
    card.characteristics().forEach(c -> values.put(c.name(), CharacteristicValue.missing()));
    Map<ParticipantId, ScoreResult> one =
        Map.of(new ParticipantId("310109-001", "P001"), card.score(values));
    insertTheOldWay(NEW, one);
    store.clear(NEW, card.version());
    store.insert(NEW, one);

    assertThat(count("cs_score_parts", NEW)).isZero();
    assertThat(count("cs_score_part_sets", NEW)).isOne();
    store.clear(NEW, card.version());
    assertThat(count("cs_score_part_sets", NEW)).isZero();
    assertThat(count("cs_scores", NEW)).isZero();
  }

  private long count(String table, Period period) {
    return JdbcClient.create(db.dataSource())
        .sql("select count(*) from " + table + " where score_period = ?")
        .param(period.toString())
        .query(Long.class)
        .single();
  }

  /** A value in one of the characteristic's bins (a range's edge or inside it), or missing. */
  private static CharacteristicValue randomValue(CardCharacteristic c, Random random) {
    if (random.nextInt(6) == 0) {
      return CharacteristicValue.missing();
    }
    Bin bin = c.bins().get(random.nextInt(c.bins().size()));
    if (bin instanceof Bin.Categories categories) {
      return CharacteristicValue.category(
          categories.values().get(random.nextInt(categories.values().size())));
    }
    Bin.Range range = (Bin.Range) bin;
    BigDecimal from =
        range.from() != null
            ? range.from()
            : range.below() != null ? range.below().subtract(BigDecimal.TEN) : BigDecimal.ONE;
    BigDecimal value =
        random.nextBoolean()
            ? from
            : from.add(new BigDecimal(random.nextInt(1000)).movePointLeft(4)); // 4 decimals
    return CharacteristicValue.of(range.contains(value) ? value : from);
  }

  /** The rows as the store wrote them before the packed parts: one per characteristic. */
  private void insertTheOldWay(Period period, Map<ParticipantId, ScoreResult> results) {
    String p = period.toString();
    List<Object[]> heads = new ArrayList<>();
    List<Object[]> parts = new ArrayList<>();
    List<Object[]> reasons = new ArrayList<>();
    results.forEach(
        (id, s) -> {
          heads.add(ScoreStore.head(p, id, s));
          for (int i = 0; i < s.parts().size(); i++) {
            PartialScore part = s.parts().get(i);
            parts.add(
                new Object[] {
                  p,
                  s.cardVersion(),
                  id.bank(),
                  id.ref(),
                  i + 1,
                  part.characteristic(),
                  part.value().text().orElse(null),
                  part.bin(),
                  part.points(),
                  part.baseline(),
                  part.reasonCode()
                });
          }
          for (Reason r : s.reasons()) {
            reasons.add(ScoreStore.reason(p, id, s, r));
          }
        });
    JdbcTemplate jdbc = new JdbcTemplate(db.dataSource());
    jdbc.batchUpdate("insert into cs_scores values (?, ?, ?, ?, ?, ?, ?, ?)", heads);
    jdbc.batchUpdate("insert into cs_score_parts values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", parts);
    jdbc.batchUpdate("insert into cs_score_reasons values (?, ?, ?, ?, ?, ?, ?)", reasons);
  }
}
