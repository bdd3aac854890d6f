package cn.timebank.scoring.job;

import static org.assertj.core.api.Assertions.assertThat;

import cn.timebank.scoring.psi.PsiBand;
import cn.timebank.scoring.psi.PsiMonitor;
import cn.timebank.scoring.psi.PsiResult;
import cn.timebank.scoring.rating.BankRatings;
import cn.timebank.scoring.scorecard.Subject;
import cn.timebank.scoring.shared.ParticipantId;
import cn.timebank.scoring.store.ParticipantScores;
import cn.timebank.scoring.store.StoredScore;
import cn.timebank.scoring.support.Fixtures;
import cn.timebank.scoring.support.ScoringDatabase;
import cn.timebank.standards.model.Period;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * The main scoring path on a real database: the {@code score} job over a fixture of two periods —
 * findings, provider and recipient scores, ratings, PSI — then the explanations; running it again
 * gives identical rows, and each period's rows stay.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ScoreJobContract {

  static final String B1 = "310109-001";
  static final String B2 = "310110-001";
  static final Period SEPTEMBER = Period.parse("2026-09");
  static final Period OCTOBER = Period.parse("2026-10");
  static final List<String> TABLES =
      List.of(
          "cs_scores",
          "cs_score_parts",
          "cs_score_part_sets",
          "cs_score_reasons",
          "cs_findings",
          "cs_finding_parties",
          "cs_finding_records",
          "cs_bank_ratings",
          "cs_psi");

  private ScoringDatabase db;
  private AnnotationConfigApplicationContext context;
  private Fixtures fx;

  abstract ScoringDatabase newDatabase();

  /** Spring Batch's schema script for the database, e.g. {@code schema-h2.sql}. */
  abstract String batchSchema();

  @BeforeAll
  void start() {
    db = newDatabase();
    new ResourceDatabasePopulator(
            new ClassPathResource("org/springframework/batch/core/" + batchSchema()))
        .execute(db.dataSource());
    context = new AnnotationConfigApplicationContext();
    context.getBeanFactory().registerSingleton("dataSource", db.dataSource());
    context.register(BatchTestConfiguration.class);
    context.refresh();
    fx = new Fixtures(db.dataSource());
    insertFixture();
  }

  @AfterAll
  void stop() {
    context.close();
    db.close();
  }

  private void insertFixture() {
    fx.bank(B1).bank(B2);
    fx.participant(B1, "P001").roles("PROVIDER").certificates("CARE_BASIC;FIRST_AID").insert();
    fx.participant(B1, "P002").roles("BOTH").insert();
    fx.participant(B1, "R001").roles("RECIPIENT").insert();
    fx.participant(B1, "R002").roles("RECIPIENT").insert();
    fx.participant(B2, "Q001").roles("PROVIDER").insert();
    LocalDateTime day = LocalDateTime.of(2026, 9, 1, 9, 0);
    for (int i = 0; i < 40; i++) { // P001 serves R001 and R002 through September and October
      fx.service(B1, "S" + i)
          .provider("P001")
          .recipient(i % 2 == 0 ? "R001" : "R002")
          .start(day.plusDays(i + i / 3))
          .minutes(90)
          .rating(4 + i % 2)
          .funding(i % 4 == 1 ? "BALANCE" : "ISSUED")
          .insert();
    }
    fx.service(B1, "N1")
        .provider("P002")
        .recipient("R001")
        .start("2026-10-08T09:00")
        .status("NO_SHOW_RECIPIENT")
        .insert();
    // P002's overlapping services in October: an A301 finding lowers its integrity
    fx.service(B1, "O1").provider("P002").recipient("R002").start("2026-10-10T10:00").insert();
    fx.service(B1, "O2").provider("P002").recipient("R001").start("2026-10-10T10:30").insert();
    fx.service(B2, "T1").provider("Q001").recipient("Z9").start("2026-09-15T10:00").insert();
    fx.delivery(B1, "2026-09", 1).file("services.csv", 30, 30, 0).insert();
    fx.delivery(B1, "2026-10", 1)
        .receivedUtc("2026-11-11T03:00")
        .file("participants.csv", 5, 5, 0)
        .file("services.csv", 20, 18, 2)
        .insert();
  }

  private void score(Period period) throws Exception {
    context.getBean(ScoreJobRunner.class).run(period);
  }

  private List<Map<String, Object>> rows(String table) {
    return fx.jdbc().sql("select * from " + table + " order by 1, 2, 3, 4, 5").query().listOfRows();
  }

  private List<List<Map<String, Object>>> snapshot() {
    List<List<Map<String, Object>>> all = new ArrayList<>();
    for (String table : TABLES) {
      all.add(rows(table));
    }
    return all;
  }

  @Test
  void scoresEveryParticipantOnItsScorecardsAndExplainsTheScore() throws Exception {
    score(SEPTEMBER);
    score(OCTOBER);
    ParticipantScores scores = context.getBean(ParticipantScores.class);

    List<StoredScore> p001 = scores.of(new ParticipantId(B1, "P001"), OCTOBER);
    assertThat(p001).extracting(StoredScore::subject).containsExactly(Subject.PROVIDER);
    StoredScore provider = p001.get(0);
    assertThat(provider.cardVersion()).isEqualTo("PROVIDER-2026.1");
    assertThat(provider.parts())
        .extracting(StoredScore.Part::characteristic, StoredScore.Part::value)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("credited_hours", "60.00"), // 40 x 90 min
            org.assertj.core.groups.Tuple.tuple("active_months", "2"),
            org.assertj.core.groups.Tuple.tuple("completion_rate", "1.0000"),
            org.assertj.core.groups.Tuple.tuple("rating_bayes", "4.4444"), // (20+180)/45
            org.assertj.core.groups.Tuple.tuple("certificates", "2"),
            org.assertj.core.groups.Tuple.tuple("anomaly_findings", "0"));
    // 200 + 120 + 30 + 130 + 110 + 110 + 160
    assertThat(provider.score()).isEqualTo(860);
    assertThat(provider.grade()).isEqualTo("A");
    assertThat(provider.reasons())
        .extracting(StoredScore.StoredReason::code)
        .containsExactly("PV02");
    assertThat(provider.reasons().get(0).en()).isEqualTo("active in few of the last 12 months");

    List<StoredScore> p002 = scores.latest(new ParticipantId(B1, "P002"));
    assertThat(p002)
        .extracting(StoredScore::subject)
        .containsExactly(Subject.PROVIDER, Subject.RECIPIENT);
    assertThat(p002.get(0).parts().get(5).value()).isEqualTo("1"); // A301
    assertThat(p002.get(0).reasons().get(0).code()).isEqualTo("PV06");
    assertThat(p002.get(1).reasons())
        .extracting(StoredScore.StoredReason::code)
        .containsExactly("RC06", "RC04"); // RC04: no redemption of its own (NONE)

    assertThat(scores.of(new ParticipantId(B1, "R001"), OCTOBER).get(0).parts().get(0).value())
        .isEqualTo("1"); // one no-show

    assertThat(
            fx.jdbc()
                .sql("select count(*) from cs_scores where score_period = '2026-10'")
                .query(Long.class)
                .single())
        .isEqualTo(6L); // providers P001, P002, Q001; recipients P002, R001, R002
    var grades = scores.gradeCounts(OCTOBER);
    assertThat(grades.get(Subject.PROVIDER).values().stream().mapToLong(Long::longValue).sum())
        .isEqualTo(3L);
    assertThat(grades.get(Subject.PROVIDER)).containsEntry("A", 1L); // P001, 860
    assertThat(grades.get(Subject.RECIPIENT).values().stream().mapToLong(Long::longValue).sum())
        .isEqualTo(3L);
  }

  @Test
  void ratesTheBanksAndMonitorsTheScoreDistribution() throws Exception {
    score(SEPTEMBER);
    score(OCTOBER);

    var rating = context.getBean(BankRatings.class).of(B1, OCTOBER).orElseThrow();
    // received 2026-11-11 11:00 Shanghai, due 2026-11-10 23:59:59: one day late
    assertThat(rating.punctuality()).isEqualByComparingTo("90");
    assertThat(rating.inputs().named()).isEqualTo(2);
    assertThat(rating.completeness()).isEqualByComparingTo("66.67");

    List<PsiResult> psi = context.getBean(PsiMonitor.class).stored(OCTOBER);
    assertThat(psi).isNotEmpty();
    assertThat(psi.get(0).bank()).isEqualTo(PsiResult.ALL);
    assertThat(psi.get(0).basePeriod()).isEqualTo("2026-09");
    assertThat(psi).allSatisfy(r -> assertThat(r.band()).isIn((Object[]) PsiBand.values()));
  }

  @Test
  void scoringAgainGivesIdenticalRowsAndKeepsEveryPeriod() throws Exception {
    score(SEPTEMBER);
    score(OCTOBER);
    List<List<Map<String, Object>>> first = snapshot();

    score(OCTOBER);
    score(SEPTEMBER);

    assertThat(snapshot()).isEqualTo(first);
    assertThat(
            fx.jdbc()
                .sql("select distinct score_period from cs_scores order by score_period")
                .query(String.class)
                .list())
        .containsExactly("2026-09", "2026-10");
  }
}
