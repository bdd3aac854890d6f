package cn.timebank.standards.hours.provider;

import static org.assertj.core.api.Assertions.assertThat;

import cn.timebank.standards.minutes.StandardMinutes;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OverlapsTests {

  @Test
  void doesNotFlagServicesThatOnlyTouch() {
    var first = timed("310109-001", "S1", "2026-10-13T21:00", "2026-10-13T22:30");
    var second = timed("310109-001", "S2", "2026-10-13T22:30", "2026-10-13T23:30");

    assertThat(Overlaps.flagged(List.of(second, first))).isEmpty();
  }

  @Test
  void flagsOnlyTheLaterOfTwoOverlappingServicesAcrossBanks() {
    var first = timed("310109-001", "S1", "2026-10-13T09:00", "2026-10-13T11:00");
    var second = timed("110105-001", "K7", "2026-10-13T10:59", "2026-10-13T12:00");

    assertThat(Overlaps.flagged(List.of(second, first))).containsExactly(second);
  }

  @Test
  void flagsEveryServiceInsideALongOneAndUsesBankAndRefForEqualStarts() {
    var longOne = timed("310109-001", "S1", "2026-10-13T08:00", "2026-10-13T16:00");
    var inside1 = timed("310109-001", "S2", "2026-10-13T09:00", "2026-10-13T10:00");
    var inside2 = timed("310109-001", "S3", "2026-10-13T12:00", "2026-10-13T13:00");
    var sameStartLaterBank = timed("310109-002", "A1", "2026-10-13T08:00", "2026-10-13T08:30");
    var after = timed("310109-001", "S4", "2026-10-13T16:00", "2026-10-13T17:00");

    assertThat(Overlaps.flagged(List.of(after, inside2, sameStartLaterBank, inside1, longOne)))
        .containsExactly(sameStartLaterBank, inside1, inside2);
  }

  @Test
  void findsOverlapsAcrossMidnight() {
    var night = timed("310109-001", "S1", "2026-10-13T23:00", "2026-10-14T01:00");
    var early = timed("310109-001", "S2", "2026-10-14T00:30", "2026-10-14T01:30");

    assertThat(Overlaps.flagged(List.of(early, night))).containsExactly(early);
  }

  @Test
  void leavesServicesWithoutAnEndOut() {
    var timed = timed("310109-001", "S1", "2026-10-13T09:00", "2026-10-13T11:00");
    var count =
        new ProviderService(
            "310109-001",
            "S2",
            LocalDateTime.parse("2026-10-13T10:00"),
            Optional.empty(),
            StandardMinutes.of(60));

    assertThat(Overlaps.flagged(List.of(timed, count))).isEmpty();
  }

  private static ProviderService timed(String bank, String ref, String start, String end) {
    return new ProviderService(
        bank,
        ref,
        LocalDateTime.parse(start),
        Optional.of(LocalDateTime.parse(end)),
        StandardMinutes.of(60));
  }
}
