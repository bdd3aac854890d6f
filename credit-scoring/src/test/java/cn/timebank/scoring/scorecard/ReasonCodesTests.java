package cn.timebank.scoring.scorecard;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReasonCodesTests {

  private static final Map<String, ReasonText> TEXTS =
      Map.of(
          "R1", new ReasonText("R1", "一", "one"),
          "R2", new ReasonText("R2", "二", "two"),
          "R3", new ReasonText("R3", "三", "three"),
          "R4", new ReasonText("R4", "四", "four"),
          "R5", new ReasonText("R5", "五", "five"),
          "R6", new ReasonText("R6", "六", "six"));

  private static PartialScore part(String name, String code, int points, int baseline) {
    return new PartialScore(
        name,
        CharacteristicValue.of(0),
        "bin",
        BigDecimal.valueOf(points),
        BigDecimal.valueOf(baseline),
        code);
  }

  @Test
  void ranksBaselineMinusPartialScoreHighestFirst() {
    List<Reason> reasons =
        ReasonCodes.rank(
            List.of(part("a", "R1", 80, 100), part("b", "R2", 10, 100), part("c", "R3", 50, 100)),
            TEXTS);

    assertThat(reasons).extracting(r -> r.text().code()).containsExactly("R2", "R3", "R1");
    assertThat(reasons).extracting(Reason::rank).containsExactly(1, 2, 3);
    assertThat(reasons)
        .extracting(Reason::points)
        .containsExactly(BigDecimal.valueOf(90), BigDecimal.valueOf(50), BigDecimal.valueOf(20));
    assertThat(reasons.get(0).text().zh()).isEqualTo("二");
    assertThat(reasons.get(0).text().en()).isEqualTo("two");
  }

  @Test
  void sumsTheDifferencesOfCharacteristicsSharingAReasonCode() {
    // R1: 30 + 30 = 60 beats R2: 50, though each R1 characteristic alone is below R2.
    List<Reason> reasons =
        ReasonCodes.rank(
            List.of(part("a", "R1", 70, 100), part("b", "R2", 50, 100), part("c", "R1", 20, 50)),
            TEXTS);

    assertThat(reasons).extracting(r -> r.text().code()).containsExactly("R1", "R2");
    assertThat(reasons.get(0).points()).isEqualByComparingTo("60");
  }

  @Test
  void dropsReasonsAtOrAboveTheirBaseline() {
    List<Reason> reasons =
        ReasonCodes.rank(
            List.of(
                part("a", "R1", 120, 100), // -20: above baseline
                part("b", "R2", 100, 100), // 0: not above zero
                part("c", "R3", 99, 100), // 1
                part("d", "R4", 90, 100), // +10 ...
                part("e", "R4", 130, 100)), // ... -30: R4 sums to -20
            TEXTS);

    assertThat(reasons).extracting(r -> r.text().code()).containsExactly("R3");
  }

  @Test
  void breaksTiesByTheOrderOfTheCharacteristics() {
    List<Reason> reasons =
        ReasonCodes.rank(
            List.of(part("a", "R3", 60, 100), part("b", "R1", 60, 100), part("c", "R2", 60, 100)),
            TEXTS);

    assertThat(reasons).extracting(r -> r.text().code()).containsExactly("R3", "R1", "R2");
  }

  @Test
  void keepsTheTopFour() {
    List<Reason> reasons =
        ReasonCodes.rank(
            List.of(
                part("a", "R1", 90, 100),
                part("b", "R2", 80, 100),
                part("c", "R3", 70, 100),
                part("d", "R4", 60, 100),
                part("e", "R5", 50, 100),
                part("f", "R6", 40, 100)),
            TEXTS);

    assertThat(reasons).extracting(r -> r.text().code()).containsExactly("R6", "R5", "R4", "R3");
  }
}
