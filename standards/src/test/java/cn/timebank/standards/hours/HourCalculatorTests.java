package cn.timebank.standards.hours;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.timebank.standards.codes.ResultCode;
import cn.timebank.standards.hours.HourResult.Computed;
import cn.timebank.standards.hours.HourResult.Rejected;
import cn.timebank.standards.minutes.StandardMinutes;
import cn.timebank.standards.model.AmountBasis;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HourCalculatorTests {

  private static final LocalDateTime NINE = LocalDateTime.of(2026, 10, 13, 9, 0);
  private static final BigDecimal SIX_PER_HOUR = BigDecimal.valueOf(6);

  private final HourCalculator calculator =
      new HourCalculator(StandardVersions.builtIn(), FakeCalendar.empty());

  @Test
  void rejectsAServiceEndingWhenItStartsWithR103OnEnd() {
    assertThat(calculator.calculate(HourRequest.duration("LIVING_ASSIST", NINE, NINE)))
        .isEqualTo(new Rejected(ResultCode.R103, "end", "end 2026-10-13T09:00 is not after start"));
    assertThat(rejection(HourRequest.duration("LIVING_ASSIST", NINE, NINE.minusMinutes(1))))
        .extracting(Rejected::code, Rejected::field)
        .containsExactly(ResultCode.R103, "end");
  }

  @Test
  void acceptsExactlyTheMaximumAndRejectsOneMinuteMoreWithR104() {
    Computed eight = computed(HourRequest.duration("LIVING_ASSIST", NINE, NINE.plusHours(8)));
    assertThat(eight.billableMinutes()).isEqualTo(480);

    assertThat(rejection(HourRequest.duration("LIVING_ASSIST", NINE, NINE.plusMinutes(481))))
        .isEqualTo(
            new Rejected(ResultCode.R104, "end", "481 actual minutes exceed the maximum 480"));
  }

  @Test
  void dropsSecondsOfTheActualDuration() {
    Computed result =
        computed(HourRequest.duration("LIVING_ASSIST", NINE, NINE.plusMinutes(44).plusSeconds(59)));
    assertThat(result.actualMinutes()).hasValue(44);
    assertThat(result.billableMinutes()).isEqualTo(30);
  }

  @Test
  void creditsNothingBelowThirtyBillableMinutesButThirtyItself() {
    assertThat(computed(HourRequest.duration("ERRANDS", NINE, NINE.plusMinutes(29))).warnings())
        .containsExactly(ResultCode.W202);
    Computed thirty = computed(HourRequest.duration("ERRANDS", NINE, NINE.plusMinutes(30)));
    assertThat(thirty.warnings()).isEmpty();
    assertThat(thirty.weighted()).isEqualTo(StandardMinutes.of(30));
  }

  @Test
  void roundsWeightedMinutesHalfUp() {
    // MEDICAL_ESCORT at night: 45 x 1.2 x 1.25 = 67.5 -> 68.
    LocalDateTime night = NINE.withHour(23);
    Computed result =
        computed(HourRequest.duration("MEDICAL_ESCORT", night, night.plusMinutes(45)));
    assertThat(result.weighted()).isEqualTo(StandardMinutes.of(68));
  }

  @Test
  void countsCoinsAtTheRegisteredRateRoundedDownToTheUnit() {
    // 9 coins at 6 per hour = 90 minutes; 8.5 coins = 85 minutes -> 75.
    assertThat(computed(coins("9", NINE.plusMinutes(90))).billableMinutes()).isEqualTo(90);
    assertThat(computed(coins("8.5", NINE.plusMinutes(90))).billableMinutes()).isEqualTo(75);
    assertThat(computed(coins("0", NINE.plusMinutes(90))).warnings())
        .containsExactly(ResultCode.W202);
  }

  @Test
  void rejectsCoinsWorthMoreThanTheMaximumWithR104OnLocalAmount() {
    assertThat(computed(coins("48", NINE.plusHours(2))).billableMinutes()).isEqualTo(480);
    assertThat(rejection(coins("49.5", NINE.plusHours(2))))
        .isEqualTo(
            new Rejected(
                ResultCode.R104, "local_amount", "495 billable minutes exceed the maximum 480"));
  }

  @Test
  void rejectsNegativeCoinsWithR102() {
    assertThat(rejection(coins("-1", NINE.plusHours(1))))
        .extracting(Rejected::code, Rejected::field)
        .containsExactly(ResultCode.R102, "local_amount");
  }

  @Test
  void countsNormMinutesPerServiceWithoutAnEnd() {
    Computed two =
        computed(
            HourRequest.perService(
                "MEDICAL_ESCORT", NINE, Optional.empty(), BigDecimal.valueOf(2)));
    assertThat(two.actualMinutes()).isEmpty();
    assertThat(two.billableMinutes()).isEqualTo(240);
    assertThat(two.weighted()).isEqualTo(StandardMinutes.of(288));

    Computed one =
        computed(
            HourRequest.perService("SAFETY_VISIT", NINE, Optional.empty(), new BigDecimal("1.0")));
    assertThat(one.weighted()).isEqualTo(StandardMinutes.of(30));
  }

  @Test
  void rejectsAServiceCountThatIsNotAWholeNumberOfAtLeastOneWithR102() {
    for (String count : new String[] {"0", "1.5", "-2"}) {
      assertThat(
              rejection(
                  HourRequest.perService("ERRANDS", NINE, Optional.empty(), new BigDecimal(count))))
          .extracting(Rejected::code, Rejected::field)
          .containsExactly(ResultCode.R102, "local_amount");
    }
  }

  @Test
  void rejectsPerServiceBillableAboveTheMaximumWithR104() {
    assertThat(
            rejection(
                HourRequest.perService(
                    "MEDICAL_ESCORT", NINE, Optional.empty(), BigDecimal.valueOf(5))))
        .extracting(Rejected::code, Rejected::field)
        .containsExactly(ResultCode.R104, "local_amount");
  }

  @Test
  void checksThePerServiceEndWhenThereIsOne() {
    assertThat(
            rejection(
                HourRequest.perService(
                    "ERRANDS", NINE, Optional.of(NINE.minusHours(1)), BigDecimal.ONE)))
        .extracting(Rejected::code)
        .isEqualTo(ResultCode.R103);
  }

  @Test
  void rejectsMissingFieldsWithR101BeforeAnythingElse() {
    var noEnd =
        new HourRequest(
            AmountBasis.DURATION,
            "ERRANDS",
            NINE,
            Optional.empty(),
            Optional.empty(),
            Optional.empty());
    assertThat(rejection(noEnd)).extracting(Rejected::field).isEqualTo("end");
    var noCoins =
        new HourRequest(
            AmountBasis.COINS,
            "NO_SUCH",
            NINE,
            Optional.of(NINE),
            Optional.empty(),
            Optional.of(SIX_PER_HOUR));
    assertThat(rejection(noCoins))
        .extracting(Rejected::code, Rejected::field)
        .containsExactly(ResultCode.R101, "local_amount");
  }

  @Test
  void rejectsACategoryMissingFromTheVersionInForceWithR105() {
    assertThat(rejection(HourRequest.duration("GARDENING", NINE, NINE.plusHours(1))))
        .extracting(Rejected::code, Rejected::field)
        .containsExactly(ResultCode.R105, "local_category");
  }

  @Test
  void refusesACoinsRequestWithoutARegisteredRate() {
    assertThatThrownBy(
            () ->
                new HourRequest(
                    AmountBasis.COINS,
                    "ERRANDS",
                    NINE,
                    Optional.of(NINE.plusHours(1)),
                    Optional.of(BigDecimal.ONE),
                    Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void usesTheVersionInForceAtTheStartOfTheService() {
    var later =
        new HourCalculator(StandardVersions.load("hours/later/index.yaml"), FakeCalendar.empty());
    LocalDateTime lastDayOfOld = LocalDateTime.of(2026, 6, 30, 23, 0);
    LocalDateTime firstDayOfNew = LocalDateTime.of(2026, 7, 1, 9, 0);

    Computed old =
        (Computed)
            later.calculate(
                HourRequest.duration("LIVING_ASSIST", lastDayOfOld, lastDayOfOld.plusHours(2)));
    Computed next =
        (Computed)
            later.calculate(
                HourRequest.duration("LIVING_ASSIST", firstDayOfNew, firstDayOfNew.plusHours(1)));

    assertThat(old.version()).isEqualTo("TBHS-2024.1");
    assertThat(old.weighted()).isEqualTo(StandardMinutes.of(150)); // 120 x 1.0 x 1.25 (night)
    assertThat(next.version()).isEqualTo("TBHS-2026.1");
    assertThat(next.weighted()).isEqualTo(StandardMinutes.of(72)); // 60 x 1.2
  }

  private HourRequest coins(String coins, LocalDateTime end) {
    return HourRequest.coins("LIVING_ASSIST", NINE, end, new BigDecimal(coins), SIX_PER_HOUR);
  }

  private Computed computed(HourRequest request) {
    HourResult result = calculator.calculate(request);
    assertThat(result).isInstanceOf(Computed.class);
    return (Computed) result;
  }

  private Rejected rejection(HourRequest request) {
    HourResult result = calculator.calculate(request);
    assertThat(result).isInstanceOf(Rejected.class);
    return (Rejected) result;
  }
}
