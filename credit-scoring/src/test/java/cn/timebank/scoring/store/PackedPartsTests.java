package cn.timebank.scoring.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.timebank.scoring.scorecard.CharacteristicValue;
import cn.timebank.scoring.scorecard.PartialScore;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class PackedPartsTests {

  private static PartialScore part(String name, CharacteristicValue value, String bin, String pts) {
    return new PartialScore(name, value, bin, new BigDecimal(pts), new BigDecimal("110"), "PV0|;");
  }

  @Test
  void unpacksWhatItPackedWithSeparatorsEscapesAndMissingValues() {
    List<PartialScore> parts =
        List.of(
            part(
                "credited_hours",
                CharacteristicValue.of(new BigDecimal("12.5")),
                "[10, 50)",
                "120"),
            part("redemption", CharacteristicValue.category("a;b|c\\d"), "NONE|OCCASIONAL", "-7.5"),
            part("completion_rate", CharacteristicValue.missing(), "missing", "1.005"),
            part("n", CharacteristicValue.category("N"), "\\N", "0"));

    List<StoredScore.Part> unpacked = PackedParts.unpack(PackedParts.pack(parts));

    assertThat(unpacked)
        .containsExactly(
            new StoredScore.Part(
                1,
                "credited_hours",
                "12.5",
                "[10, 50)",
                new BigDecimal("120.00"),
                new BigDecimal("110.00"),
                "PV0|;"),
            new StoredScore.Part(
                2,
                "redemption",
                "a;b|c\\d",
                "NONE|OCCASIONAL",
                new BigDecimal("-7.50"),
                new BigDecimal("110.00"),
                "PV0|;"),
            new StoredScore.Part(
                3,
                "completion_rate",
                null,
                "missing",
                new BigDecimal("1.01"), // numeric(9, 2) rounds half away from zero
                new BigDecimal("110.00"),
                "PV0|;"),
            new StoredScore.Part(
                4, "n", "N", "\\N", new BigDecimal("0.00"), new BigDecimal("110.00"), "PV0|;"));
  }

  @Test
  void refusesMalformedText() {
    assertThatThrownBy(() -> PackedParts.unpack("a|1|bin|1.00|2.00"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("part 1");
    assertThatThrownBy(() -> PackedParts.unpack("a|1|bin|1.00|2.00|PV01\\"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
