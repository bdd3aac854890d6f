package cn.timebank.scoring.finding;

import static org.assertj.core.api.Assertions.assertThat;

import cn.timebank.scoring.shared.ParticipantId;
import cn.timebank.scoring.support.Fixtures;
import cn.timebank.scoring.support.H2ScoringDatabase;
import cn.timebank.standards.model.Period;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One fixture per anomaly code, each asserting exactly the participants and records the finding
 * names, with a near miss beside it that must not be found; and a fixture of ordinary data that
 * gives no finding at all.
 */
class FindingsTests {

  static final String B1 = "310109-001";
  static final String B2 = "310110-001";
  static final Period OCTOBER = Period.parse("2026-10");

  private final H2ScoringDatabase db = new H2ScoringDatabase();
  private final Fixtures fx = new Fixtures(db.dataSource()).bank(B1).bank(B2);
  private final Findings findings =
      new Findings(JdbcClient.create(db.dataSource()), FindingRulesFile.builtIn());

  @AfterEach
  void close() {
    db.close();
  }

  private Fixtures.ServiceRow service(String bank, String ref, String provider, String start) {
    return fx.service(bank, ref).provider(provider).start(start);
  }

  private List<Finding> detect(FindingCode code) {
    return findings.detect(OCTOBER).stream().filter(f -> f.code() == code).toList();
  }

  private static List<RecordRef> services(String bank, String... refs) {
    return java.util.Arrays.stream(refs).map(r -> RecordRef.service(bank, r)).sorted().toList();
  }

  private static ParticipantId p(String bank, String ref) {
    return new ParticipantId(bank, ref);
  }

  @Test
  void a301NamesTheOverlappingServicesOfOneProviderAlsoAcrossTheMonthEnd() {
    service(B1, "S1", "P001", "2026-10-05T10:00").minutes(60).insert();
    service(B1, "S2", "P001", "2026-10-05T10:30").minutes(60).insert(); // overlaps S1 by 30
    service(B1, "S3", "P001", "2026-10-05T11:30").minutes(30).insert(); // starts as S2 ends
    service(B1, "S4", "P002", "2026-10-05T10:00").minutes(60).insert(); // another provider
    service(B1, "S5", "P001", "2026-09-30T23:00").minutes(120).insert();
    service(B1, "S6", "P001", "2026-10-01T00:30").minutes(60).insert(); // overlaps S5
    service(B1, "S7", "P001", "2026-10-07T10:00").minutes(60).status("CANCELLED").insert();
    service(B1, "S8", "P001", "2026-10-07T10:15").minutes(60).insert(); // S7 was cancelled

    List<Finding> found = detect(FindingCode.A301);

    assertThat(found).hasSize(1);
    assertThat(found.get(0).bank()).isEqualTo(B1);
    assertThat(found.get(0).participants()).containsExactly(p(B1, "P001"));
    assertThat(found.get(0).records()).isEqualTo(services(B1, "S1", "S2", "S5", "S6"));
    assertThat(found.get(0).detail()).isEqualTo("2 overlapping pair(s); longest overlap 30 min");
    assertThat(findings.detect(Period.parse("2026-09"))).isEmpty(); // found once, in October
  }

  @Test
  void a302NamesThePersonsW201ServicesInEveryBankWhenTheCapIsHitOnThreeDays() {
    service(B1, "S1", "P001", "2026-10-03T09:00").providerKey("K1").resultCodes("W201").insert();
    service(B1, "S2", "P001", "2026-10-03T15:00").providerKey("K1").resultCodes("W201").insert();
    service(B2, "T1", "Q001", "2026-10-10T09:00")
        .providerKey("K1")
        .resultCodes("W201;W204")
        .insert();
    service(B1, "S3", "P001", "2026-10-20T09:00").providerKey("K1").resultCodes("W201").insert();
    service(B1, "S4", "P001", "2026-10-21T09:00").providerKey("K1").insert(); // no W201
    service(B1, "S5", "P002", "2026-10-03T09:00").providerKey("K2").resultCodes("W201").insert();
    service(B1, "S6", "P002", "2026-10-04T09:00").providerKey("K2").resultCodes("W201").insert();

    List<Finding> found = detect(FindingCode.A302);

    assertThat(found).hasSize(1);
    assertThat(found.get(0).participants()).containsExactly(p(B1, "P001"), p(B2, "Q001"));
    assertThat(found.get(0).records())
        .containsExactly(
            RecordRef.service(B1, "S1"),
            RecordRef.service(B1, "S2"),
            RecordRef.service(B1, "S3"),
            RecordRef.service(B2, "T1"));
    assertThat(found.get(0).detail()).contains("on 3 days");
  }

  @Test
  void a303NamesTwoPeopleServingEachOtherForMostOfTheirCredit() {
    for (int i = 1; i <= 4; i++) {
      service(B1, "AB" + i, "A", "2026-10-0" + i + "T09:00").recipient("B").minutes(120).insert();
      service(B1, "BA" + i, "B", "2026-10-1" + i + "T09:00").recipient("A").minutes(110).insert();
    }
    // C and D serve each other as much, but C earns most of its credit elsewhere (360 of 1,560
    // minutes: 23 %, under min_share 0.25)
    for (int i = 1; i <= 3; i++) {
      service(B1, "CD" + i, "C", "2026-10-0" + i + "T14:00").recipient("D").minutes(120).insert();
      service(B1, "DC" + i, "D", "2026-10-1" + i + "T14:00").recipient("C").minutes(120).insert();
    }
    for (int i = 1; i <= 10; i++) {
      service(B1, "CE" + i, "C", "2026-09-" + (10 + i) + "T09:00")
          .recipient("E")
          .minutes(120)
          .insert();
    }

    List<Finding> found = detect(FindingCode.A303);

    assertThat(found).hasSize(1);
    assertThat(found.get(0).participants()).containsExactly(p(B1, "A"), p(B1, "B"));
    assertThat(found.get(0).records())
        .isEqualTo(services(B1, "AB1", "AB2", "AB3", "AB4", "BA1", "BA2", "BA3", "BA4"));
    assertThat(found.get(0).detail())
        .isEqualTo("A -> B 480 min in 4 services; back 440 min in 4 services (90 days)");
  }

  @Test
  void a303NamesEachPairsOwnServicesWhenPairsShareAPersonOrTheRefsOfAnotherBank() {
    for (int i = 1; i <= 4; i++) {
      service(B1, "AB" + i, "A", "2026-10-0" + i + "T09:00").recipient("B").minutes(120).insert();
      service(B1, "BA" + i, "B", "2026-10-1" + i + "T09:00").recipient("A").minutes(110).insert();
    }
    for (int i = 1; i <= 2; i++) { // A also serves G and back: a second pair with A
      service(B1, "AG" + i, "A", "2026-10-2" + i + "T09:00").recipient("G").minutes(120).insert();
      service(B1, "GA" + i, "G", "2026-10-2" + i + "T14:00").recipient("A").minutes(120).insert();
    }
    for (int i = 1; i <= 3; i++) { // the same refs A and B in another bank: another pair
      service(B2, "X" + i, "A", "2026-10-0" + i + "T09:00").recipient("B").minutes(60).insert();
      service(B2, "Y" + i, "B", "2026-10-0" + i + "T14:00").recipient("A").minutes(60).insert();
    }

    List<Finding> found = detect(FindingCode.A303);

    assertThat(found).hasSize(3);
    assertThat(found)
        .filteredOn(f -> f.participants().equals(List.of(p(B1, "A"), p(B1, "B"))))
        .singleElement()
        .extracting(Finding::records)
        .isEqualTo(services(B1, "AB1", "AB2", "AB3", "AB4", "BA1", "BA2", "BA3", "BA4"));
    assertThat(found)
        .filteredOn(f -> f.participants().equals(List.of(p(B1, "A"), p(B1, "G"))))
        .singleElement()
        .extracting(Finding::records)
        .isEqualTo(services(B1, "AG1", "AG2", "GA1", "GA2"));
    assertThat(found)
        .filteredOn(f -> f.participants().equals(List.of(p(B2, "A"), p(B2, "B"))))
        .singleElement()
        .extracting(Finding::records)
        .isEqualTo(services(B2, "X1", "X2", "X3", "Y1", "Y2", "Y3"));
  }

  @Test
  void a304NamesTheThreeServicesOfAShortCycle() {
    service(B1, "XY", "X", "2026-10-02T09:00").recipient("Y").insert();
    service(B1, "YZ", "Y", "2026-10-10T09:00").recipient("Z").insert();
    service(B1, "ZX", "Z", "2026-10-20T09:00").recipient("X").insert();
    service(B1, "ZX2", "Z", "2026-10-25T09:00").recipient("X").insert(); // a longer span
    // a cycle over 49 days is not short
    service(B1, "UV", "U", "2026-09-01T10:00").recipient("V").insert();
    service(B1, "VW", "V", "2026-10-05T09:00").recipient("W").insert();
    service(B1, "WU", "W", "2026-10-20T09:00").recipient("U").insert();

    List<Finding> found = detect(FindingCode.A304);

    assertThat(found).hasSize(1);
    assertThat(found.get(0).participants()).containsExactly(p(B1, "X"), p(B1, "Y"), p(B1, "Z"));
    assertThat(found.get(0).records()).isEqualTo(services(B1, "XY", "YZ", "ZX"));
    assertThat(found.get(0).detail()).isEqualTo("X -> Y -> Z -> X within 18 days");
  }

  @Test
  void a304ReportsACycleAcrossTheMonthEndOnceInThePeriodOfItsLatestService() {
    service(B1, "XY", "X", "2026-09-20T09:00").recipient("Y").insert();
    service(B1, "YZ", "Y", "2026-09-28T09:00").recipient("Z").insert();
    service(B1, "ZX", "Z", "2026-10-03T09:00").recipient("X").insert();

    assertThat(detect(FindingCode.A304)).hasSize(1);
    assertThat(findings.detect(Period.parse("2026-09"))).isEmpty();
  }

  @Test
  void a304FindsOnARandomGraphOfTwoBanksExactlyTheCyclesOfABruteForceSearch() {
    int days = FindingRulesFile.builtIn().inForce(OCTOBER).a304().windowDays();
    LocalDateTime october = LocalDateTime.of(2026, 10, 1, 0, 0);
    Random random = new Random(304);
    List<Svc> all = new ArrayList<>();
    for (String bank : List.of(B1, B2)) { // the same refs in both banks: no cycle across banks
      for (int i = 0; i < 160; i++) {
        String provider = "U" + random.nextInt(9);
        String recipient = "U" + random.nextInt(9);
        LocalDateTime start =
            october.minusDays(days + 5).plusHours(random.nextInt((31 + days + 5) * 24));
        int kind = random.nextInt(20);
        String status = kind == 0 ? "CANCELLED" : "COMPLETED";
        boolean current = kind != 1;
        Svc svc = new Svc(bank, String.format("S%03d", i), provider, recipient, start);
        Fixtures.ServiceRow row =
            service(bank, svc.ref(), provider, start.toString())
                .recipient(recipient)
                .status(status);
        if (!current) {
          row.superseded();
        }
        row.insert();
        if (current && status.equals("COMPLETED") && !provider.equals(recipient)) {
          all.add(svc);
        }
      }
    }

    List<String> expected = bruteForceCycles(all, days, october, october.plusMonths(1));
    List<String> found =
        detect(FindingCode.A304).stream()
            .map(f -> f.participants() + " " + f.records() + " " + f.detail())
            .sorted()
            .toList();

    assertThat(expected).hasSizeGreaterThan(5);
    assertThat(found).isEqualTo(expected);
  }

  private record Svc(
      String bank, String ref, String provider, String recipient, LocalDateTime start) {}

  /**
   * Every triple of services A→B, B→C, C→A (A the lowest ref) starting within {@code days} of each
   * other with the latest in the period; per cycle the triple with the shortest span, ties to the
   * earliest (start, ref) of A→B, then of B→C, then of C→A. As findings' text, sorted.
   */
  private static List<String> bruteForceCycles(
      List<Svc> services, int days, LocalDateTime periodStart, LocalDateTime periodEnd) {
    Comparator<Svc> byStartRef = Comparator.comparing(Svc::start).thenComparing(Svc::ref);
    Map<String, List<Svc>> best = new TreeMap<>();
    for (Svc x : services) {
      for (Svc y : services) {
        for (Svc z : services) {
          if (!x.bank().equals(y.bank())
              || !y.bank().equals(z.bank())
              || !x.recipient().equals(y.provider())
              || !y.recipient().equals(z.provider())
              || !z.recipient().equals(x.provider())
              || x.provider().compareTo(y.provider()) >= 0
              || x.provider().compareTo(z.provider()) >= 0
              || y.provider().equals(z.provider())) {
            continue;
          }
          List<Svc> triple = List.of(x, y, z);
          LocalDateTime first =
              triple.stream().map(Svc::start).min(Comparator.naturalOrder()).get();
          LocalDateTime last = triple.stream().map(Svc::start).max(Comparator.naturalOrder()).get();
          if (first.isBefore(periodStart.minusDays(days))
              || !last.isBefore(periodEnd)
              || last.isBefore(periodStart)
              || Duration.between(first, last).compareTo(Duration.ofDays(days)) > 0) {
            continue;
          }
          String cycle = x.bank() + " " + x.provider() + " " + y.provider() + " " + z.provider();
          best.merge(
              cycle,
              triple,
              (a, b) -> {
                int bySpan =
                    span(a).compareTo(span(b)) != 0
                        ? span(a).compareTo(span(b))
                        : byStartRef.compare(a.get(0), b.get(0)) != 0
                            ? byStartRef.compare(a.get(0), b.get(0))
                            : byStartRef.compare(a.get(1), b.get(1)) != 0
                                ? byStartRef.compare(a.get(1), b.get(1))
                                : byStartRef.compare(a.get(2), b.get(2));
                return bySpan <= 0 ? a : b;
              });
        }
      }
    }
    List<String> findings = new ArrayList<>();
    best.forEach(
        (cycle, t) -> {
          String bank = t.get(0).bank();
          String a = t.get(0).provider();
          String b = t.get(1).provider();
          String c = t.get(2).provider();
          findings.add(
              new TreeSet<>(List.of(p(bank, a), p(bank, b), p(bank, c)))
                  + " "
                  + services(bank, t.get(0).ref(), t.get(1).ref(), t.get(2).ref())
                  + " "
                  + a
                  + " -> "
                  + b
                  + " -> "
                  + c
                  + " -> "
                  + a
                  + " within "
                  + span(t).toDays()
                  + " days");
        });
    Collections.sort(findings);
    return findings;
  }

  private static Duration span(List<Svc> triple) {
    LocalDateTime first = triple.stream().map(Svc::start).min(Comparator.naturalOrder()).get();
    LocalDateTime last = triple.stream().map(Svc::start).max(Comparator.naturalOrder()).get();
    return Duration.between(first, last);
  }

  @Test
  void a305NamesAProvidersServicesRecordedMoreThanAWeekLate() {
    service(B1, "S1", "P001", "2026-10-02T10:00").recordedAt("2026-10-12T09:00").insert();
    service(B1, "S2", "P001", "2026-10-03T10:00").recordedAt("2026-10-20T09:00").insert();
    service(B1, "S3", "P001", "2026-10-04T10:00").recordedAt("2026-10-04T12:00").insert();
    service(B1, "S4", "P001", "2026-10-05T10:00").recordedAt("2026-10-12T11:00").insert(); // 7d
    service(B1, "S5", "P002", "2026-10-02T10:00").recordedAt("2026-10-25T09:00").insert(); // once

    List<Finding> found = detect(FindingCode.A305);

    assertThat(found).hasSize(1);
    assertThat(found.get(0).participants()).containsExactly(p(B1, "P001"));
    assertThat(found.get(0).records()).isEqualTo(services(B1, "S1", "S2"));
  }

  @Test
  void a306NamesTheRatedServicesOfAProviderRatedFiveEveryTime() {
    LocalDateTime start = LocalDateTime.of(2026, 8, 10, 9, 0);
    for (int i = 0; i < 10; i++) {
      service(B1, "S" + i, "P001", start.plusDays(8L * i).toString()).rating(5).insert();
      service(B1, "T" + i, "P002", start.plusDays(8L * i).toString())
          .rating(i == 3 ? 4 : 5)
          .insert();
    }
    for (int i = 0; i < 9; i++) {
      service(B1, "U" + i, "P003", start.plusDays(8L * i).toString()).rating(5).insert();
    }
    service(B1, "S-unrated", "P001", "2026-10-30T09:00").insert();

    List<Finding> found = detect(FindingCode.A306);

    assertThat(found).hasSize(1);
    assertThat(found.get(0).participants()).containsExactly(p(B1, "P001"));
    assertThat(found.get(0).records())
        .isEqualTo(services(B1, "S0", "S1", "S2", "S3", "S4", "S5", "S6", "S7", "S8", "S9"));
    assertThat(found.get(0).detail()).isEqualTo("10 ratings in 90 days, every one 5");
  }

  @Test
  void a307NamesOnePersonsOverlappingServicesInTwoBanks() {
    service(B1, "S1", "P001", "2026-10-05T10:00").providerKey("K1").minutes(120).insert();
    service(B2, "T1", "Q001", "2026-10-05T11:00").providerKey("K1").minutes(60).insert();
    service(B1, "S2", "P002", "2026-10-06T10:00").providerKey("K2").minutes(60).insert();
    service(B2, "T2", "Q002", "2026-10-06T11:00").providerKey("K2").minutes(60).insert(); // touch
    service(B1, "S3", "P003", "2026-10-07T10:00").providerKey("K3").minutes(60).insert();
    service(B1, "S4", "P003", "2026-10-07T10:30").providerKey("K3").minutes(60).insert(); // A301

    List<Finding> found = detect(FindingCode.A307);

    assertThat(found).hasSize(1);
    assertThat(found.get(0).bank()).isEqualTo(B1);
    assertThat(found.get(0).participants()).containsExactly(p(B1, "P001"), p(B2, "Q001"));
    assertThat(found.get(0).records())
        .containsExactly(RecordRef.service(B1, "S1"), RecordRef.service(B2, "T1"));
    assertThat(found.get(0).detail())
        .isEqualTo("serves in banks 310109-001, 310110-001 at overlapping times: 1 pair(s)");
  }

  @Test
  void ordinaryDataGivesNoFinding() {
    String[] providers = {"P001", "P002", "P003", "P004"};
    String[] recipients = {"R001", "R002", "R003"};
    int n = 0;
    for (int day = 1; day <= 31; day++) {
      for (int p = 0; p < providers.length; p++) {
        if ((day + p) % 3 != 0) {
          continue;
        }
        String start = String.format("2026-10-%02dT%02d:00", day, 8 + 2 * p);
        String recorded = String.format("2026-10-%02dT%02d:00", day, 19);
        service(B1, "S" + (++n), providers[p], start)
            .recipient(recipients[(day + p) % recipients.length])
            .providerKey("K" + p)
            .minutes(90)
            .rating(3 + (day + p) % 3)
            .recordedAt(recorded)
            .insert();
      }
    }
    // one person in two banks, at different times; services that touch but do not overlap
    service(B2, "T1", "Q001", "2026-10-05T08:00").providerKey("K0").minutes(60).insert();
    service(B1, "E1", "P001", "2026-10-30T20:00").minutes(60).insert();
    service(B1, "E2", "P001", "2026-10-30T21:00").minutes(60).insert();
    // a pair serving each other, but unevenly; a cycle spread over 40 days
    service(B1, "G1", "R001", "2026-09-25T09:00").recipient("R002").insert();
    service(B1, "G2", "R002", "2026-10-04T09:00").recipient("R003").insert();
    service(B1, "G3", "R003", "2026-10-29T09:00").recipient("R001").insert();
    // cancelled and superseded services that would overlap
    service(B1, "C1", "P004", "2026-10-02T08:30").status("CANCELLED").insert();
    service(B1, "V1", "P004", "2026-10-02T08:30").superseded().insert();

    assertThat(findings.detect(OCTOBER)).isEmpty();
  }

  @Test
  void storesThePeriodsFindingsAndReplacesThemOnARerun() {
    service(B1, "S1", "P001", "2026-10-05T10:00").providerKey("K1").minutes(120).insert();
    service(B2, "T1", "Q001", "2026-10-05T11:00").providerKey("K1").minutes(60).insert();
    service(B1, "S2", "P002", "2026-10-06T10:00").minutes(60).insert();
    service(B1, "S3", "P002", "2026-10-06T10:30").minutes(60).insert();

    List<Finding> first = findings.detectAndStore(OCTOBER);
    List<Finding> again = findings.detectAndStore(OCTOBER);

    assertThat(again).isEqualTo(first);
    assertThat(findings.stored(OCTOBER, Optional.empty())).isEqualTo(first);
    assertThat(findings.stored(OCTOBER, Optional.of(B2)))
        .extracting(Finding::code)
        .containsExactly(FindingCode.A307);
    assertThat(
            fx.jdbc()
                .sql("select count(*) from cs_findings where score_period = '2026-10'")
                .query(Long.class)
                .single())
        .isEqualTo(2L);
    assertThat(FindingsCsv.write(findings.stored(OCTOBER, Optional.empty())))
        .isEqualTo(
            "code,bank,participant_refs,record_refs,detail\r\n"
                + "A301,310109-001,P002,S2;S3,1 overlapping pair(s); longest overlap 30 min\r\n"
                + "A307,310109-001,P001;310110-001:Q001,S1;310110-001:T1,"
                + "\"serves in banks 310109-001, 310110-001 at overlapping times: 1 pair(s)\"\r\n");
  }
}
