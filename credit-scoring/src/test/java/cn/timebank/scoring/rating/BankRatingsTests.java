package cn.timebank.scoring.rating;

import static org.assertj.core.api.Assertions.assertThat;

import cn.timebank.scoring.support.Fixtures;
import cn.timebank.scoring.support.H2ScoringDatabase;
import cn.timebank.standards.model.Period;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The rating's figures from the packages table, the receipt JSON and the period's findings. */
class BankRatingsTests {

  static final String B1 = "310109-001";
  static final String B2 = "310110-001";
  static final String RULES = "FINDINGS-2026.1";
  static final Period OCTOBER = Period.parse("2026-10");

  private final H2ScoringDatabase db = new H2ScoringDatabase();
  private final Fixtures fx = new Fixtures(db.dataSource()).bank(B1).bank(B2);
  private final BankRatings ratings =
      new BankRatings(JdbcClient.create(db.dataSource()), RatingRulesFile.builtIn());

  @AfterEach
  void close() {
    db.close();
  }

  private void named(int finding, int no, String bank, String ref) {
    fx.jdbc()
        .sql(
            "insert into cs_finding_records (score_period, rules_version, finding_no, record_no,"
                + " bank_code, record_kind, record_ref) values (?, ?, ?, ?, ?, 'SERVICE', ?)")
        .params("2026-10", RULES, finding, no, bank, ref)
        .update();
  }

  @Test
  void ratesEachBankFromItsPackagesAndFindings() {
    // due 2026-11-10 23:59:59 Shanghai; received 2026-11-12 11:00 Shanghai: 2 days late
    fx.delivery(B1, "2026-10", 1)
        .receivedUtc("2026-11-12T03:00")
        .status("PART")
        .file("participants.csv", 20, 20, 0)
        .file("services.csv", 100, 90, 10)
        .insert();
    fx.delivery(B1, "2026-10", 2)
        .receivedUtc("2026-11-20T03:00")
        .status("WARN")
        .file("transactions.jsonl", 10, 10, 0)
        .insert();
    fx.delivery(B1, "2026-10", 3)
        .receivedUtc("2026-11-21T03:00")
        .status("RJCT")
        .file("services.csv", 5, 0, 5)
        .insert(); // counted in read/rejected, not a correction
    fx.delivery(B1, "2026-09", 2).file("services.csv", 7, 7, 0).insert(); // another period
    named(1, 1, B1, "S1");
    named(1, 2, B1, "S2");
    named(2, 1, B1, "S1"); // the same record in a second finding counts once
    named(2, 2, B2, "T1");

    List<BankRating> rated = ratings.rateAndStore(OCTOBER, RULES);

    assertThat(rated).extracting(BankRating::bank).containsExactly(B1, B2);
    RatingInputs in = rated.get(0).inputs();
    assertThat(in).isEqualTo(new RatingInputs(B1, true, 2, 3, 3, 135, 15, 120, 2, 1));
    BankRating b1 = rated.get(0);
    assertThat(b1.punctuality()).isEqualByComparingTo("80");
    assertThat(b1.completeness()).isEqualByComparingTo("100");
    assertThat(b1.accuracy()).isEqualByComparingTo("88.89"); // 1 - 15/135
    assertThat(b1.stability()).isEqualByComparingTo("75");
    assertThat(b1.plausibility()).isEqualByComparingTo("98.33"); // 1 - 2/120
    assertThat(b1.total()).isEqualByComparingTo("88.83");
    assertThat(b1.grade()).isEqualTo("B");

    BankRating b2 = rated.get(1);
    assertThat(b2.inputs().delivered()).isFalse();
    assertThat(b2.total()).isEqualByComparingTo("10.00");
    assertThat(b2.grade()).isEqualTo("D");

    assertThat(ratings.stored(OCTOBER)).isEqualTo(rated);
    assertThat(ratings.of(B1, OCTOBER)).contains(b1);
    assertThat(RatingsCsv.write(ratings.stored(OCTOBER)))
        .isEqualTo(
            "bank,punctuality,completeness,accuracy,stability,plausibility,total,grade\r\n"
                + "310109-001,80.00,100.00,88.89,75.00,98.33,88.83,B\r\n"
                + "310110-001,0.00,0.00,0.00,100.00,0.00,10.00,D\r\n");
  }

  @Test
  void anOnTimeDeliveryIsNotLate() {
    fx.delivery(B1, "2026-10", 1)
        .receivedUtc("2026-11-10T15:59:59")
        .file("services.csv", 1, 1, 0)
        .insert();

    assertThat(ratings.rate(OCTOBER, RULES).get(0).inputs().daysLate()).isZero();
  }
}
