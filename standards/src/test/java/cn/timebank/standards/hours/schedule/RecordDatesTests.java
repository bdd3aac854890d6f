package cn.timebank.standards.hours.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import cn.timebank.standards.codes.ResultCode;
import cn.timebank.standards.hours.HourStandard;
import cn.timebank.standards.hours.StandardVersions;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class RecordDatesTests {

  private final HourStandard standard =
      StandardVersions.builtIn().inForceOn(LocalDate.of(2026, 10, 1));

  @Test
  void warnsW205OnlyWhenRecordedMoreThan30CalendarDaysAfterTheStart() {
    LocalDateTime start = LocalDateTime.of(2026, 10, 5, 9, 0);

    assertThat(RecordingLag.check(standard, start, LocalDateTime.of(2026, 11, 4, 23, 59)))
        .isEmpty();
    assertThat(RecordingLag.check(standard, start, LocalDateTime.of(2026, 11, 5, 0, 0)))
        .contains(ResultCode.W205);
    assertThat(RecordingLag.check(standard, start, start.minusDays(2))).isEmpty();
  }

  @Test
  void matchesTransfersAtMostThreeCalendarDaysApartEitherWay() {
    LocalDateTime out = LocalDateTime.of(2026, 10, 5, 23, 0);

    assertThat(TransferWindow.within(standard, out, LocalDateTime.of(2026, 10, 8, 8, 0))).isTrue();
    assertThat(TransferWindow.within(standard, LocalDateTime.of(2026, 10, 2, 0, 0), out)).isTrue();
    assertThat(TransferWindow.within(standard, out, LocalDateTime.of(2026, 10, 9, 0, 0))).isFalse();
  }
}
