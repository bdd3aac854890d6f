package cn.timebank.standards.hours;

import static org.assertj.core.api.Assertions.assertThat;

import cn.timebank.standards.hours.HourResult.Computed;
import cn.timebank.standards.hours.provider.DailyCap;
import cn.timebank.standards.hours.provider.DailyCredit;
import cn.timebank.standards.hours.provider.ProviderService;
import cn.timebank.standards.minutes.StandardMinutes;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Properties of the calculator and the daily cap over seeded random services. */
class HourPropertiesTests {

  private static final int CASES = 400;
  private static final LocalDate FIRST_DAY = LocalDate.of(2025, 1, 1);

  private final HourStandard standard = StandardVersions.builtIn().inForceOn(FIRST_DAY);
  private final List<Category> catalogue = standard.catalogue();
  private final HourCalculator calculator =
      new HourCalculator(
          StandardVersions.builtIn(),
          FakeCalendar.empty()
              .covering(2025)
              .holidays(LocalDate.of(2025, 1, 28), LocalDate.of(2025, 2, 4))
              .holidays(LocalDate.of(2025, 10, 1), LocalDate.of(2025, 10, 8)));

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 20260101, 424242})
  void creditsNeverNegativeAndBillsWholeRoundingUnits(long seed) {
    Random random = new Random(seed);
    int unit = standard.duration().roundingUnit();
    for (int i = 0; i < CASES; i++) {
      HourResult result = calculator.calculate(randomRequest(random));
      if (result instanceof Computed computed) {
        assertThat(computed.weighted().value()).isNotNegative();
        assertThat(computed.billableMinutes() % unit).isZero();
        assertThat(computed.billableMinutes())
            .isBetween(0L, (long) standard.duration().maxMinutes());
      }
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {7, 1234, 99991})
  void neverCreditsMoreThanTheDailyCapWhateverTheInputOrder(long seed) {
    Random random = new Random(seed);
    DailyCap cap = DailyCap.of(standard);
    for (int i = 0; i < CASES; i++) {
      List<ProviderService> day = randomProviderDay(random);
      List<DailyCredit> credits = cap.apply(day);

      assertThat(credits.stream().mapToLong(c -> c.credited().value()).sum())
          .isLessThanOrEqualTo(standard.caps().dailyCapMinutes());
      assertThat(credits)
          .allSatisfy(
              c -> {
                assertThat(c.credited().value()).isBetween(0L, c.service().weighted().value());
                assertThat(c.capReached())
                    .isEqualTo(c.credited().compareTo(c.service().weighted()) < 0);
              });

      List<ProviderService> shuffled = new ArrayList<>(day);
      Collections.shuffle(shuffled, random);
      assertThat(cap.apply(shuffled)).isEqualTo(credits);
      assertThat(byRef(DailyCap.perDay(shuffled, StandardVersions.builtIn())))
          .isEqualTo(byRef(credits));
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {3, 314159, 271828})
  void creditsCoinsWorthTheMinutesLikeTheDurationOfThoseMinutes(long seed) {
    Random random = new Random(seed);
    int checked = 0;
    while (checked < CASES) {
      int minutes = 1 + random.nextInt(standard.duration().maxMinutes());
      BigDecimal perHour = BigDecimal.valueOf(1 + random.nextInt(60));
      BigDecimal coins;
      try {
        coins = BigDecimal.valueOf(minutes).multiply(perHour).divide(BigDecimal.valueOf(60));
      } catch (ArithmeticException notADecimal) {
        continue; // minutes × rate / 60 has no exact decimal: not a coin amount a bank can send
      }
      String category = catalogue.get(random.nextInt(catalogue.size())).code();
      LocalDateTime start = randomStart(random);
      LocalDateTime end = start.plusMinutes(minutes);

      Computed byDuration =
          (Computed) calculator.calculate(HourRequest.duration(category, start, end));
      Computed byCoins =
          (Computed) calculator.calculate(HourRequest.coins(category, start, end, coins, perHour));

      assertThat(byCoins.billableMinutes()).isEqualTo(byDuration.billableMinutes());
      assertThat(byCoins.weighted()).isEqualTo(byDuration.weighted());
      assertThat(byCoins.warnings()).isEqualTo(byDuration.warnings());
      checked++;
    }
  }

  private HourRequest randomRequest(Random random) {
    String category = catalogue.get(random.nextInt(catalogue.size())).code();
    LocalDateTime start = randomStart(random);
    LocalDateTime end = start.plusMinutes(random.nextInt(600) - 60);
    return switch (random.nextInt(3)) {
      case 0 -> HourRequest.duration(category, start, end);
      case 1 ->
          HourRequest.coins(
              category,
              start,
              end,
              BigDecimal.valueOf(random.nextInt(1000) - 50, 1),
              BigDecimal.valueOf(1 + random.nextInt(12)));
      default ->
          HourRequest.perService(
              category,
              start,
              random.nextBoolean() ? Optional.empty() : Optional.of(end),
              BigDecimal.valueOf(random.nextInt(6)));
    };
  }

  /** 1-12 computed services of one provider starting on one day, in up to three banks. */
  private List<ProviderService> randomProviderDay(Random random) {
    LocalDate day = FIRST_DAY.plusDays(random.nextInt(365));
    List<ProviderService> services = new ArrayList<>();
    int count = 1 + random.nextInt(12);
    for (int i = 0; i < count; i++) {
      LocalDateTime start = day.atTime(random.nextInt(24), 15 * random.nextInt(4));
      LocalDateTime end = start.plusMinutes(10 + random.nextInt(471));
      String category = catalogue.get(random.nextInt(catalogue.size())).code();
      Computed computed =
          (Computed) calculator.calculate(HourRequest.duration(category, start, end));
      services.add(
          new ProviderService(
              "31010" + random.nextInt(3) + "-001",
              "S" + i,
              start,
              Optional.of(end),
              computed.weighted()));
    }
    return services;
  }

  private static LocalDateTime randomStart(Random random) {
    return FIRST_DAY.plusDays(random.nextInt(365)).atTime(random.nextInt(24), random.nextInt(60));
  }

  private static Map<String, StandardMinutes> byRef(List<DailyCredit> credits) {
    return credits.stream()
        .collect(
            Collectors.toMap(
                c -> c.service().bankCode() + "/" + c.service().serviceRef(),
                DailyCredit::credited));
  }
}
