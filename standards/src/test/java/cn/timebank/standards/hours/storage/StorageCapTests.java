package cn.timebank.standards.hours.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.timebank.standards.codes.ResultCode;
import cn.timebank.standards.hours.StandardVersions;
import cn.timebank.standards.minutes.StandardMinutes;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class StorageCapTests {

  private final StorageCap cap =
      StorageCap.of(StandardVersions.builtIn().inForceOn(LocalDate.of(2026, 10, 1)));

  @Test
  void capsABalanceAt1500Hours() {
    assertThat(cap.cap()).isEqualTo(StandardMinutes.of(90_000));
  }

  @Test
  void keepsACreditThatFits() {
    StorageSplit split = cap.split(StandardMinutes.of(89_910), StandardMinutes.of(90));

    assertThat(split).isEqualTo(new StorageSplit(StandardMinutes.of(90), StandardMinutes.ZERO));
    assertThat(split.warnings()).isEmpty();
  }

  @Test
  void sendsTheExcessToThePoolWithW203() {
    StorageSplit split = cap.split(StandardMinutes.of(89_950), StandardMinutes.of(90));

    assertThat(split).isEqualTo(new StorageSplit(StandardMinutes.of(50), StandardMinutes.of(40)));
    assertThat(split.warnings()).containsExactly(ResultCode.W203);
  }

  @Test
  void sendsEverythingToThePoolFromABalanceAtOrAboveTheCap() {
    assertThat(cap.split(StandardMinutes.of(90_000), StandardMinutes.of(30)))
        .isEqualTo(new StorageSplit(StandardMinutes.ZERO, StandardMinutes.of(30)));
    assertThat(cap.split(StandardMinutes.of(95_000), StandardMinutes.of(30)).toPool())
        .isEqualTo(StandardMinutes.of(30));
  }

  @Test
  void letsANegativeBalanceFillUpToTheCap() {
    assertThat(cap.split(StandardMinutes.of(-60), StandardMinutes.of(90_100)))
        .isEqualTo(new StorageSplit(StandardMinutes.of(90_060), StandardMinutes.of(40)));
  }

  @Test
  void refusesANegativeCredit() {
    assertThatThrownBy(() -> cap.split(StandardMinutes.ZERO, StandardMinutes.of(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
