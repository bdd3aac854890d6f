package cn.timebank.scoring.characteristic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.timebank.scoring.scorecard.CardCharacteristic;
import cn.timebank.scoring.scorecard.CharacteristicValue;
import cn.timebank.scoring.scorecard.Scorecard;
import cn.timebank.scoring.scorecard.Scorecards;
import cn.timebank.scoring.scorecard.Subject;
import cn.timebank.scoring.shared.ParticipantId;
import cn.timebank.scoring.support.Fixtures;
import cn.timebank.scoring.support.H2ScoringDatabase;
import cn.timebank.standards.model.Period;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Each characteristic's SQL against a fixture of services around the 12-month window of 2026-10
 * (2025-11-01T00:00 to 2026-11-01T00:00). The expected values are computed here from the same
 * fixture list with plain Java, not by the code under test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CharacteristicsTests {

  static final String BANK = "310109-001";
  static final String OTHER = "310110-001";
  static final Period PERIOD = Period.parse("2026-10");
  static final LocalDateTime FROM = LocalDateTime.of(2025, 11, 1, 0, 0);
  static final LocalDateTime TO = LocalDateTime.of(2026, 11, 1, 0, 0);
  static final String RULES = "FINDINGS-2026.1";

  record Svc(
      String bank,
      String ref,
      String provider,
      String recipient,
      String start,
      int minutes,
      String status,
      String funding,
      @Nullable Integer rating,
      boolean current) {

    LocalDateTime startAt() {
      return LocalDateTime.parse(start);
    }

    boolean inWindow() {
      return current && !startAt().isBefore(FROM) && startAt().isBefore(TO);
    }
  }

  static Svc svc(String ref, String provider, String recipient, String start, String status) {
    return new Svc(BANK, ref, provider, recipient, start, 60, status, "ISSUED", null, true);
  }

  static Svc done(
      String bank,
      String ref,
      String provider,
      String recipient,
      String start,
      int minutes,
      String funding,
      @Nullable Integer rating) {
    return new Svc(
        bank, ref, provider, recipient, start, minutes, "COMPLETED", funding, rating, true);
  }

  static final List<Svc> SERVICES =
      List.of(
          done(BANK, "S01", "P001", "R001", "2026-10-05T09:00", 90, "ISSUED", 5),
          done(BANK, "S02", "P001", "R002", "2026-09-10T14:00", 75, "BALANCE", 4),
          done(BANK, "S03", "P001", "R001", "2025-11-01T00:00", 60, "BALANCE", null),
          done(BANK, "S04", "P001", "R001", "2025-10-31T23:00", 60, "ISSUED", 1),
          done(BANK, "S05", "P001", "R001", "2026-11-01T00:00", 60, "ISSUED", 1),
          svc("S06", "P001", "R001", "2026-08-01T10:00", "CANCELLED"),
          svc("S07", "P001", "R001", "2026-07-01T10:00", "NO_SHOW_PROVIDER"),
          svc("S08", "P001", "R001", "2026-07-02T10:00", "NO_SHOW_RECIPIENT"),
          new Svc(
              BANK,
              "S09",
              "P001",
              "R001",
              "2026-10-06T09:00",
              480,
              "COMPLETED",
              "ISSUED",
              1,
              false),
          svc("S10", "P001", "R001", "2026-06-01T10:00", "DISPUTED"),
          svc("S11", "P002", "R001", "2026-05-01T10:00", "NO_SHOW_RECIPIENT"),
          svc("S12", "P002", "R001", "2026-04-01T10:00", "CANCELLED"),
          svc("S13", "P002", "R002", "2026-04-02T10:00", "DISPUTED"),
          done(BANK, "S14", "P002", "R001", "2026-03-01T10:00", 60, "BALANCE", 2),
          // P003 provided one service, not settled by either side: completion rate still missing
          svc("S15", "P003", "R002", "2026-02-01T10:00", "NO_SHOW_RECIPIENT"),
          done(OTHER, "S01", "P001", "R001", "2026-10-05T09:00", 300, "BALANCE", 1));

  private final H2ScoringDatabase db = new H2ScoringDatabase();
  private final Fixtures fixtures = new Fixtures(db.dataSource());
  private final Characteristics characteristics =
      new Characteristics(JdbcClient.create(db.dataSource()));
  private final ScoringContext context = ScoringContext.of(PERIOD, RULES);
  private final List<String> refs = List.of("P001", "P002", "P003", "R001", "R002", "R003");

  @BeforeAll
  void insertFixtures() {
    fixtures.bank(BANK).bank(OTHER);
    fixtures
        .participant(BANK, "P001")
        .certificates("CARE_BASIC;FIRST_AID;NURSING_LICENSE")
        .insert();
    fixtures.participant(BANK, "P002").insert();
    fixtures.participant(BANK, "P003").certificates("CARE_BASIC").insert();
    fixtures.participant(BANK, "R001").roles("RECIPIENT").insert();
    fixtures.participant(BANK, "R002").roles("RECIPIENT").insert();
    fixtures.participant(OTHER, "P001").certificates("A;B;C;D;E").insert();
    for (Svc s : SERVICES) {
      Fixtures.ServiceRow row =
          fixtures
              .service(s.bank(), s.ref())
              .provider(s.provider())
              .recipient(s.recipient())
              .start(s.start())
              .minutes(s.minutes())
              .status(s.status())
              .funding(s.funding());
      if (s.rating() != null) {
        row.rating(s.rating());
      }
      if (!s.current()) {
        row.superseded();
      }
      row.insert();
    }
    JdbcClient jdbc = fixtures.jdbc();
    String insert =
        "insert into cs_finding_parties (score_period, rules_version, finding_no, party_no,"
            + " bank_code, participant_ref) values (?, ?, ?, ?, ?, ?)";
    jdbc.sql(insert).params("2026-10", RULES, 1, 1, BANK, "P001").update();
    jdbc.sql(insert).params("2026-10", RULES, 1, 2, BANK, "R001").update();
    jdbc.sql(insert).params("2026-10", RULES, 2, 1, BANK, "P001").update();
    jdbc.sql(insert).params("2026-09", RULES, 1, 1, BANK, "P002").update(); // another period
    jdbc.sql(insert).params("2026-10", "FINDINGS-0", 1, 1, BANK, "P002").update(); // other rules
  }

  @AfterAll
  void close() {
    db.close();
  }

  private Map<String, CharacteristicValue> values(String name) {
    return characteristics.named(name).orElseThrow().values(context, BANK, refs);
  }

  private static Predicate<Svc> provider(String ref) {
    return s -> s.bank().equals(BANK) && s.provider().equals(ref) && s.inWindow();
  }

  private static Predicate<Svc> recipient(String ref) {
    return s -> s.bank().equals(BANK) && s.recipient().equals(ref) && s.inWindow();
  }

  private static CharacteristicValue number(String value) {
    return CharacteristicValue.of(new BigDecimal(value));
  }

  @Test
  void creditedHoursSumsCompletedCurrentServicesInTheWindow() {
    for (String ref : List.of("P001", "P002", "P003")) {
      int minutes =
          SERVICES.stream()
              .filter(provider(ref).and(s -> s.status().equals("COMPLETED")))
              .mapToInt(Svc::minutes)
              .sum();
      BigDecimal hours =
          BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP);
      assertThat(values("credited_hours").get(ref))
          .as(ref)
          .isEqualTo(CharacteristicValue.of(hours));
    }
    assertThat(values("credited_hours").get("P001")).isEqualTo(number("3.75")); // 90+75+60
  }

  @Test
  void activeMonthsCountsDistinctMonthsWithACompletedService() {
    for (String ref : List.of("P001", "P002", "P003")) {
      long months =
          SERVICES.stream()
              .filter(provider(ref).and(s -> s.status().equals("COMPLETED")))
              .map(s -> YearMonth.from(s.startAt()))
              .distinct()
              .count();
      assertThat(values("active_months").get(ref))
          .as(ref)
          .isEqualTo(CharacteristicValue.of(months));
    }
    assertThat(values("active_months").get("P001")).isEqualTo(CharacteristicValue.of(3));
  }

  @Test
  void completionRateIgnoresRecipientNoShowsAndDisputesAndIsMissingWithoutServices() {
    List<String> settledStatuses = List.of("COMPLETED", "CANCELLED", "NO_SHOW_PROVIDER");
    for (String ref : List.of("P001", "P002")) {
      long completed =
          SERVICES.stream().filter(provider(ref).and(s -> s.status().equals("COMPLETED"))).count();
      long settled =
          SERVICES.stream()
              .filter(provider(ref).and(s -> settledStatuses.contains(s.status())))
              .count();
      BigDecimal rate =
          BigDecimal.valueOf(completed)
              .divide(BigDecimal.valueOf(settled), 4, RoundingMode.HALF_UP);
      assertThat(values("completion_rate").get(ref))
          .as(ref)
          .isEqualTo(CharacteristicValue.of(rate));
    }
    assertThat(values("completion_rate").get("P001")).isEqualTo(number("0.6000")); // 3 / 5
    assertThat(values("completion_rate").get("P003")).isEqualTo(CharacteristicValue.missing());
  }

  @Test
  void ratingIsABayesianAverageWithPriorFourAndWeightFive() {
    for (String ref : List.of("P001", "P002", "P003")) {
      List<Integer> ratings =
          SERVICES.stream()
              .filter(provider(ref).and(s -> s.status().equals("COMPLETED") && s.rating() != null))
              .map(Svc::rating)
              .toList();
      int sum = ratings.stream().mapToInt(Integer::intValue).sum();
      BigDecimal expected =
          BigDecimal.valueOf(4.0 * 5 + sum)
              .divide(BigDecimal.valueOf(5 + ratings.size()), 4, RoundingMode.HALF_UP);
      assertThat(values("rating_bayes").get(ref))
          .as(ref)
          .isEqualTo(CharacteristicValue.of(expected));
    }
    assertThat(values("rating_bayes").get("P001")).isEqualTo(number("4.1429")); // (20+5+4)/7
    assertThat(values("rating_bayes").get("P003")).isEqualTo(number("4.0000"));
  }

  @Test
  void certificatesCountsTheCodesHeld() {
    Map<String, CharacteristicValue> held = values("certificates");

    assertThat(held.get("P001")).isEqualTo(CharacteristicValue.of(3));
    assertThat(held.get("P002")).isEqualTo(CharacteristicValue.of(0));
    assertThat(held.get("P003")).isEqualTo(CharacteristicValue.of(1));
    assertThat(held.get("R003")).isEqualTo(CharacteristicValue.of(0)); // not registered
  }

  @Test
  void anomalyFindingsCountsThePeriodsFindingsUnderItsRules() {
    Map<String, CharacteristicValue> findings = values("anomaly_findings");

    assertThat(findings.get("P001")).isEqualTo(CharacteristicValue.of(2));
    assertThat(findings.get("R001")).isEqualTo(CharacteristicValue.of(1));
    assertThat(findings.get("P002")).isEqualTo(CharacteristicValue.of(0));
  }

  @Test
  void recipientCountsTakeTheirStatusOnly() {
    Map<String, String> statuses =
        Map.of(
            "recipient_no_shows", "NO_SHOW_RECIPIENT",
            "recipient_disputes", "DISPUTED",
            "recipient_cancellations", "CANCELLED");
    for (String ref : List.of("R001", "R002", "R003")) {
      statuses.forEach(
          (name, status) -> {
            long expected =
                SERVICES.stream()
                    .filter(recipient(ref).and(s -> s.status().equals(status)))
                    .count();
            assertThat(values(name).get(ref))
                .as(ref + " " + name)
                .isEqualTo(CharacteristicValue.of(expected));
          });
    }
    assertThat(values("recipient_no_shows").get("R001")).isEqualTo(CharacteristicValue.of(2));
  }

  @Test
  void redemptionBehaviourCategorisesMonthsWithABalanceRedemption() {
    for (String ref : List.of("R001", "R002", "R003")) {
      long months =
          SERVICES.stream()
              .filter(
                  recipient(ref)
                      .and(s -> s.status().equals("COMPLETED") && s.funding().equals("BALANCE")))
              .map(s -> YearMonth.from(s.startAt()))
              .distinct()
              .count();
      String expected = months >= 3 ? "REGULAR" : months > 0 ? "OCCASIONAL" : "NONE";
      assertThat(values("redemption_behaviour").get(ref))
          .as(ref)
          .isEqualTo(CharacteristicValue.category(expected));
    }
    // R001: 2025-11 (S03) and 2026-03 (S14); the other bank's BALANCE service does not count
    assertThat(values("redemption_behaviour").get("R001"))
        .isEqualTo(CharacteristicValue.category("OCCASIONAL"));
  }

  @Test
  void valuesOfAScorecardCoverEveryParticipantAndCharacteristic() {
    Scorecard card = Scorecards.builtIn().inForce(Subject.PROVIDER, PERIOD);
    List<ParticipantId> ids =
        List.of(new ParticipantId(OTHER, "P001"), new ParticipantId(BANK, "P001"));

    Map<ParticipantId, Map<String, CharacteristicValue>> values =
        characteristics.values(card, context, ids);

    assertThat(values.keySet()).containsExactly(ids.get(1), ids.get(0)); // bank, ref order
    assertThat(values.get(ids.get(0)).keySet())
        .containsExactlyElementsOf(card.characteristicNames());
    assertThat(values.get(ids.get(0)).get("credited_hours")).isEqualTo(number("5.00"));
    assertThat(values.get(ids.get(0)).get("certificates")).isEqualTo(CharacteristicValue.of(5));
  }

  @Test
  void thePopulationStatementGivesEachParticipantTheValuesOfTheQueriesByRef() {
    for (Subject subject : Subject.values()) {
      Scorecard card = Scorecards.builtIn().inForce(subject, PERIOD);
      PopulationQuery query = characteristics.population(card, context);

      List<ParticipantValues> rows =
          new JdbcTemplate(db.dataSource())
              .query(query.sql(), query.mapper(), query.args().toArray());

      List<ParticipantId> expected =
          subject == Subject.PROVIDER
              ? List.of(
                  new ParticipantId(BANK, "P001"),
                  new ParticipantId(BANK, "P002"),
                  new ParticipantId(BANK, "P003"),
                  new ParticipantId(OTHER, "P001"))
              : List.of(
                  new ParticipantId(BANK, "P001"),
                  new ParticipantId(BANK, "P002"),
                  new ParticipantId(BANK, "P003"),
                  new ParticipantId(BANK, "R001"),
                  new ParticipantId(BANK, "R002"),
                  new ParticipantId(OTHER, "P001"));
      assertThat(rows).extracting(ParticipantValues::id).as(subject.name()).isEqualTo(expected);
      Map<ParticipantId, Map<String, CharacteristicValue>> byRef =
          characteristics.values(card, context, expected);
      for (ParticipantValues row : rows) {
        assertThat(row.values()).as(row.id().toString()).isEqualTo(byRef.get(row.id()));
        assertThat(row.values().keySet()).containsExactlyElementsOf(card.characteristicNames());
      }
    }
    // the row with nothing settled reads as missing on both paths
    Scorecard provider = Scorecards.builtIn().inForce(Subject.PROVIDER, PERIOD);
    PopulationQuery query = characteristics.population(provider, context);
    List<ParticipantValues> rows =
        new JdbcTemplate(db.dataSource())
            .query(query.sql(), query.mapper(), query.args().toArray());
    assertThat(rows.get(2).values().get("completion_rate"))
        .isEqualTo(CharacteristicValue.missing());
  }

  @Test
  void refusesAScorecardWithAnUnknownCharacteristic() {
    Scorecard card = Scorecards.builtIn().inForce(Subject.PROVIDER, PERIOD);
    CardCharacteristic shoeSize =
        new CardCharacteristic(
            "shoe_size",
            "PV01",
            BigDecimal.ONE,
            BigDecimal.ONE,
            true,
            card.characteristics().get(0).bins());
    Scorecard renamed =
        new Scorecard(
            card.version(),
            card.subject(),
            card.effectiveFrom(),
            card.description(),
            card.initialScore(),
            card.scaleMin(),
            card.scaleMax(),
            List.of(shoeSize),
            card.reasons(),
            card.grades());

    assertThatThrownBy(() -> characteristics.check(renamed))
        .hasMessageStartingWith("PROVIDER-2026.1: unknown characteristic 'shoe_size'");
  }
}
