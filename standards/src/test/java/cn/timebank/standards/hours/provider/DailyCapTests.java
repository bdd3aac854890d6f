package cn.timebank.standards.hours.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

import cn.timebank.standards.codes.ResultCode;
import cn.timebank.standards.hours.StandardVersions;
import cn.timebank.standards.minutes.StandardMinutes;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DailyCapTests {

  private static final LocalDate DAY = LocalDate.of(2026, 10, 13);

  private final DailyCap cap = new DailyCap(StandardMinutes.of(480));

  @Test
  void creditsEverythingUnderTheCap() {
    List<DailyCredit> credits =
        cap.apply(
            List.of(service("310109-001", "S1", 9, 240), service("310109-001", "S2", 14, 240)));

    assertThat(credits).extracting(c -> c.credited().value()).containsExactly(240L, 240L);
    assertThat(credits).noneMatch(DailyCredit::capReached);
  }

  @Test
  void creditsWhatIsLeftAndFlagsW201OnEveryServiceTheCapTouches() {
    List<DailyCredit> credits =
        cap.apply(
            List.of(
                service("310109-001", "S3", 18, 60),
                service("310109-001", "S1", 8, 300),
                service("310105-002", "X9", 13, 150),
                service("310109-001", "S4", 20, 0)));

    assertThat(credits)
        .extracting(c -> c.service().serviceRef(), c -> c.credited().value(), DailyCredit::warnings)
        .containsExactly(
            tuple("S1", 300L, List.of()),
            tuple("X9", 150L, List.of()),
            tuple("S3", 30L, List.of(ResultCode.W201)),
            tuple("S4", 0L, List.of()));
    assertThat(credits.get(2).notCredited()).isEqualTo(StandardMinutes.of(30));
  }

  @Test
  void ordersEqualStartsByBankCodeThenRef() {
    List<DailyCredit> credits =
        cap.apply(
            List.of(
                service("310109-001", "B", 9, 300),
                service("310109-001", "A", 9, 300),
                service("110105-001", "Z", 9, 300)));

    assertThat(credits)
        .extracting(c -> c.service().bankCode() + "/" + c.service().serviceRef())
        .containsExactly("110105-001/Z", "310109-001/A", "310109-001/B");
    assertThat(credits).extracting(c -> c.credited().value()).containsExactly(300L, 180L, 0L);
    assertThat(credits).extracting(DailyCredit::capReached).containsExactly(false, true, true);
  }

  @Test
  void capsEachDayWithTheVersionInForceThatDay() {
    StandardVersions versions = StandardVersions.load("hours/later/index.yaml");
    var services =
        List.of(
            new ProviderService(
                "310109-001",
                "OLD",
                LocalDateTime.of(2026, 6, 30, 9, 0),
                Optional.empty(),
                StandardMinutes.of(470)),
            new ProviderService(
                "310109-001",
                "NEW",
                LocalDateTime.of(2026, 7, 1, 9, 0),
                Optional.empty(),
                StandardMinutes.of(470)));

    assertThat(DailyCap.perDay(services, versions))
        .extracting(c -> c.service().serviceRef(), c -> c.credited().value())
        .containsExactly(tuple("OLD", 470L), tuple("NEW", 420L));
  }

  @Test
  void groupsServicesByTheDayTheyStart() {
    var late = service("310109-001", "S1", 23, 60);
    var nextDay =
        new ProviderService(
            "310109-001",
            "S2",
            DAY.plusDays(1).atTime(0, 30),
            Optional.empty(),
            StandardMinutes.of(30));

    assertThat(DailyCap.byDay(List.of(nextDay, late)))
        .containsExactly(entry(DAY, List.of(late)), entry(DAY.plusDays(1), List.of(nextDay)));
  }

  @Test
  void refusesServicesOfSeveralDaysOrTheSameServiceTwice() {
    var nine = service("310109-001", "S1", 9, 60);
    var tomorrow =
        new ProviderService(
            "310109-001",
            "S2",
            DAY.plusDays(1).atTime(9, 0),
            Optional.empty(),
            StandardMinutes.of(30));

    assertThatThrownBy(() -> cap.apply(List.of(nine, tomorrow)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("one day");
    assertThatThrownBy(() -> cap.apply(List.of(nine, nine)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("service 310109-001/S1 is given twice");
  }

  static ProviderService service(String bank, String ref, int hour, long weighted) {
    LocalDateTime start = DAY.atTime(hour, 0);
    return new ProviderService(
        bank, ref, start, Optional.of(start.plusMinutes(30)), StandardMinutes.of(weighted));
  }
}
