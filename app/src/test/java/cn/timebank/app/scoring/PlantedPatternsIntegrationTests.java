package cn.timebank.app.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import cn.timebank.app.demo.PlantedPatterns;
import cn.timebank.ingestion.Submissions;
import cn.timebank.ingestion.receipt.Receipt;
import cn.timebank.ledger.registry.RegistryImport;
import cn.timebank.scoring.finding.Finding;
import cn.timebank.scoring.finding.FindingCode;
import cn.timebank.scoring.finding.Findings;
import cn.timebank.scoring.job.ScoreJobRunner;
import cn.timebank.scoring.rating.BankRating;
import cn.timebank.scoring.rating.BankRatings;
import cn.timebank.simulator.SimulationOptions;
import cn.timebank.simulator.Simulator;
import cn.timebank.standards.model.Period;
import cn.timebank.standards.registry.RegistryFile;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Credit scoring end to end on the real pipeline: the simulator writes 8 banks (~10,000 services,
 * 0.1 % random faults, the broken packages), the banks are registered, every package goes through
 * the {@link Submissions} bean (the Spring Batch ingestion job) into a fresh H2 file database, the
 * {@code score} job runs for the period, and the stored findings are compared with the patterns the
 * simulator planted ({@code world.json}): every planted pattern must be found under its code with
 * its participants and services; every other finding is a false positive, printed and counted
 * (credit-scoring/README.md, "Findings on the simulated world").
 */
@SpringBootTest(
    properties = {
      "timebank.inbox.enabled=false",
      "logging.file.name=target/test-logs/timebank.log"
    })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlantedPatternsIntegrationTests {

  static final YearMonth MONTH = YearMonth.now(ZoneId.of("Asia/Shanghai")).minusMonths(2);
  static final Period PERIOD = Period.of(MONTH.getYear(), MONTH.getMonthValue());

  static Path dataDir;
  static Path world;

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) throws IOException {
    dataDir = Files.createTempDirectory("scoring-e2e");
    registry.add("timebank.data-dir", dataDir::toString);
  }

  @Autowired RegistryImport registryImport;
  @Autowired Submissions submissions;
  @Autowired ScoreJobRunner scoreJob;
  @Autowired Findings findings;
  @Autowired BankRatings ratings;
  @Autowired DataSource dataSource;

  JdbcClient jdbc;
  PlantedPatterns planted;
  List<Finding> found;
  final Map<Path, Receipt> receipts = new java.util.LinkedHashMap<>();

  @BeforeAll
  void simulateIngestAndScore() throws Exception {
    jdbc = JdbcClient.create(dataSource);
    world = dataDir.resolve("packages");
    Simulator.run(new SimulationOptions(8, 2_500, 10_000, MONTH, 7, world, false, 0.001, true));
    registryImport.importBanks(RegistryFile.read(world.resolve("registry.json")));
    for (Path pkg :
        Stream.concat(zips(world).stream(), zips(world.resolve("bad")).stream()).toList()) {
      receipts.put(pkg, submissions.ingest(pkg));
    }
    scoreJob.run(PERIOD);
    planted = PlantedPatterns.read(world.resolve("world.json"));
    found = findings.stored(PERIOD, Optional.empty());
  }

  @Test
  void everyPlantedPatternIsFoundUnderItsCodeAndFalsePositivesAreCounted() {
    Map<FindingCode, int[]> table = new EnumMap<>(FindingCode.class);
    for (FindingCode code : FindingCode.values()) {
      table.put(code, new int[3]);
    }
    List<String> missed = new ArrayList<>();
    for (PlantedPatterns.Pattern p : planted.all()) {
      table.get(p.code())[0]++;
      if (found.stream().anyMatch(p::matches)) {
        table.get(p.code())[1]++;
      } else {
        missed.add(p.code() + " " + p);
      }
    }
    List<Finding> falsePositives = found.stream().filter(f -> !planted.explains(f)).toList();
    falsePositives.forEach(f -> table.get(f.code())[2]++);

    System.out.println("== Findings against the planted patterns of " + PERIOD);
    System.out.println("code  planted  found  false positives");
    table.forEach((code, n) -> System.out.printf("%s  %7d  %5d  %15d%n", code, n[0], n[1], n[2]));
    System.out.println("false positives:");
    falsePositives.forEach(
        f ->
            System.out.printf(
                "  %s %s %s %s | %s%n",
                f.code(), f.bank(), f.participants(), f.records(), f.detail()));

    assertThat(missed).as("planted patterns not found").isEmpty();
    assertThat(planted.all()).hasSizeGreaterThanOrEqualTo(7 * 7);
  }

  @Test
  void everyActiveParticipantIsScoredAndTheGradesSpread() {
    long unscoredProviders =
        jdbc.sql(
                "select count(*) from participants p where p.status = 'ACTIVE'"
                    + " and p.roles in ('PROVIDER', 'BOTH') and not exists (select 1 from cs_scores s"
                    + " where s.score_period = ? and s.subject = 'PROVIDER'"
                    + " and s.bank_code = p.bank_code and s.participant_ref = p.participant_ref)")
            .param(PERIOD.toString())
            .query(Long.class)
            .single();
    long unscoredRecipients =
        jdbc.sql(
                "select count(*) from participants p where p.status = 'ACTIVE'"
                    + " and p.roles in ('RECIPIENT', 'BOTH') and not exists (select 1 from cs_scores s"
                    + " where s.score_period = ? and s.subject = 'RECIPIENT'"
                    + " and s.bank_code = p.bank_code and s.participant_ref = p.participant_ref)")
            .param(PERIOD.toString())
            .query(Long.class)
            .single();
    assertThat(unscoredProviders).isZero();
    assertThat(unscoredRecipients).isZero();

    for (String subject : List.of("PROVIDER", "RECIPIENT")) {
      Map<String, Long> grades = new java.util.TreeMap<>();
      jdbc.sql(
              "select grade, count(*) from cs_scores where score_period = ? and subject = ?"
                  + " group by grade")
          .params(PERIOD.toString(), subject)
          .query((rs, n) -> grades.put(rs.getString(1), rs.getLong(2)))
          .list();
      long total = grades.values().stream().mapToLong(Long::longValue).sum();
      System.out.println(subject + " grades " + grades);
      assertThat(total).isGreaterThan(100);
      assertThat(grades).as(subject + " grades").hasSizeGreaterThanOrEqualTo(2);
      // providers differ in hours, months, completion, ratings; recipients (RECIPIENT-2026.2) in
      // redemptions, no-shows, disputes and findings: no grade takes nearly all
      assertThat(grades).hasSizeGreaterThanOrEqualTo(3);
      assertThat(grades.values()).allMatch(n -> n < total * 0.9);
    }
  }

  @Test
  void everyBankIsRatedWithTheFiveCriteriaWithinZeroToHundred() {
    List<BankRating> rated = ratings.stored(PERIOD);
    List<String> banks =
        jdbc.sql("select bank_code from banks where status <> 'CLOSED' order by bank_code")
            .query(String.class)
            .list();
    assertThat(rated).extracting(BankRating::bank).containsExactlyInAnyOrderElementsOf(banks);
    for (BankRating r : rated) {
      System.out.printf(
          "%s %s %s %s %s %s total %s %s%n",
          r.bank(),
          r.punctuality(),
          r.completeness(),
          r.accuracy(),
          r.stability(),
          r.plausibility(),
          r.total(),
          r.grade());
      for (BigDecimal c :
          List.of(
              r.punctuality(), r.completeness(), r.accuracy(), r.stability(), r.plausibility())) {
        assertThat(c).isBetween(BigDecimal.ZERO, new BigDecimal("100"));
      }
      assertThat(r.total()).isBetween(BigDecimal.ZERO, new BigDecimal("100"));
    }
    assertThat(rated.stream().filter(r -> r.inputs().delivered())).hasSize(8);
  }

  /**
   * What scoring assumed about the stored formats before the batch job existed, checked against
   * what the job really wrote: start times as Asia/Shanghai local times (the package's text),
   * package times in UTC, certificates {@code ;}-joined or null, W201 in {@code result_codes}.
   */
  @Test
  void theStoredFormatsAreWhatScoringReads() throws IOException {
    JsonNode truth = null;
    for (String line : Files.readAllLines(world.resolve("truth.jsonl"))) {
      JsonNode t = JsonMapper.builder().build().readTree(line);
      if (t.get("code").asString().equals("W201")
          && t.get("source").asString().equals("pattern:DAILY_CAP_REPEAT")) {
        truth = t;
        break;
      }
    }
    assertThat(truth).isNotNull();
    String bank = truth.get("package").asString().substring(0, 10);
    String ref = truth.get("ref").asString();
    Map<String, Object> row =
        jdbc.sql(
                "select start_at, result_codes from services where bank_code = ? and service_ref = ?"
                    + " and current_flag = 'Y'")
            .params(bank, ref)
            .query()
            .singleRow();
    assertThat((String) row.get("RESULT_CODES")).contains("W201");
    // the planted third service of the day starts at 15:30 local time (simulator PatternPlanter)
    assertThat(((java.sql.Timestamp) row.get("START_AT")).toLocalDateTime().toLocalTime())
        .isEqualTo(java.time.LocalTime.of(15, 30));

    Receipt first = receipts.values().iterator().next();
    LocalDateTime storedReceived =
        jdbc.sql("select received_at from packages where package_id = ?")
            .param(first.packageId())
            .query(LocalDateTime.class)
            .single();
    assertThat(storedReceived)
        .isEqualTo(
            first
                .receivedAt()
                .withOffsetSameInstant(java.time.ZoneOffset.UTC)
                .toLocalDateTime()
                .withNano(storedReceived.getNano()));

    List<String> certificates =
        jdbc.sql("select certificates from participants where certificates is not null")
            .query(String.class)
            .list();
    assertThat(certificates).isNotEmpty().allMatch(c -> c.matches("[A-Z0-9_]+(;[A-Z0-9_]+)*"));
  }

  private static List<Path> zips(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".zip")).sorted().toList();
    }
  }
}
