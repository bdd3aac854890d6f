package cn.timebank.scoring.scorecard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.timebank.standards.model.Period;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScorecardTests {

  private final Scorecard provider =
      Scorecards.builtIn().inForce(Subject.PROVIDER, Period.parse("2026-10"));
  private final Scorecard recipient =
      Scorecards.builtIn().inForce(Subject.RECIPIENT, Period.parse("2026-10"));

  private static Map<String, CharacteristicValue> providerValues(
      String hours,
      long months,
      String completion,
      String rating,
      long certificates,
      long findings) {
    Map<String, CharacteristicValue> values = new LinkedHashMap<>();
    values.put("credited_hours", CharacteristicValue.of(new BigDecimal(hours)));
    values.put("active_months", CharacteristicValue.of(months));
    values.put(
        "completion_rate",
        completion == null
            ? CharacteristicValue.missing()
            : CharacteristicValue.of(new BigDecimal(completion)));
    values.put("rating_bayes", CharacteristicValue.of(new BigDecimal(rating)));
    values.put("certificates", CharacteristicValue.of(certificates));
    values.put("anomaly_findings", CharacteristicValue.of(findings));
    return values;
  }

  @Test
  void addsTheInitialScoreAndThePartialScoresOfTheBins() {
    // 200 + 120 ([50,150)) + 100 ([6,10)) + 100 ([0.9,0.97)) + 110 ([4.2,4.6)) + 90 (1) + 160 (0)
    ScoreResult result = provider.score(providerValues("50", 9, "0.95", "4.2", 1, 0));

    assertThat(result.totalPoints()).isEqualByComparingTo("880");
    assertThat(result.score()).isEqualTo(880);
    assertThat(result.grade()).isEqualTo("A");
    assertThat(result.parts())
        .extracting(PartialScore::bin)
        .containsExactly("[50, 150)", "[6, 10)", "[0.9, 0.97)", "[4.2, 4.6)", "[1, 2)", "< 1");
    // below baseline: PV01 100-120 < 0, PV02 80-100 < 0, PV03 90-100 < 0, PV04 90-110 < 0,
    // PV05 80-90 < 0, PV06 160-160 = 0: no reason at all
    assertThat(result.reasons()).isEmpty();
  }

  @Test
  void givesTheMissingPointsToAMissingValueAndHoldsTheScoreToTheScale() {
    // 200 + 40 + 30 + 60 (missing) + 30 + 60 + 0 = 420 -> below 450: grade E
    ScoreResult result = provider.score(providerValues("0", 0, null, "3.0", 0, 5));

    assertThat(result.parts().get(2).bin()).isEqualTo("missing");
    assertThat(result.score()).isEqualTo(420);
    assertThat(result.grade()).isEqualTo("E");
    assertThat(result.reasons())
        .extracting(r -> r.text().code())
        .containsExactly("PV06", "PV01", "PV04", "PV02");
    assertThat(result.reasons().get(0).points()).isEqualByComparingTo("160");
  }

  @Test
  void scoresACategory() {
    Map<String, CharacteristicValue> values = new LinkedHashMap<>();
    values.put("recipient_no_shows", CharacteristicValue.of(0));
    values.put("recipient_disputes", CharacteristicValue.of(0));
    values.put("recipient_cancellations", CharacteristicValue.of(0));
    values.put("redemption_behaviour", CharacteristicValue.category("REGULAR"));
    values.put("anomaly_findings", CharacteristicValue.of(0));

    ScoreResult result = recipient.score(values);

    assertThat(result.score()).isEqualTo(900);
    assertThat(result.parts().get(3).bin()).isEqualTo("REGULAR");
  }

  private String recipientGrade(
      long noShows, long disputes, long cancellations, String redemption, long findings) {
    Map<String, CharacteristicValue> values = new LinkedHashMap<>();
    values.put("recipient_no_shows", CharacteristicValue.of(noShows));
    values.put("recipient_disputes", CharacteristicValue.of(disputes));
    values.put("recipient_cancellations", CharacteristicValue.of(cancellations));
    values.put("redemption_behaviour", CharacteristicValue.category(redemption));
    values.put("anomaly_findings", CharacteristicValue.of(findings));
    return recipient.score(values).grade();
  }

  @Test
  void theRecalibratedRecipientCardGradesEachIncidentOneStepDown() {
    assertThat(recipient.version()).isEqualTo("RECIPIENT-2026.2");
    // a clean record is B; A also takes redemptions of one's own hours
    assertThat(recipientGrade(0, 0, 0, "NONE", 0)).isEqualTo("B"); // 850
    assertThat(recipientGrade(0, 0, 1, "OCCASIONAL", 0)).isEqualTo("A"); // 880
    // one incident stays B, two are C, a finding is C, a finding and an incident D
    assertThat(recipientGrade(1, 0, 0, "NONE", 0)).isEqualTo("B"); // 810
    assertThat(recipientGrade(0, 1, 0, "NONE", 0)).isEqualTo("B"); // 810
    assertThat(recipientGrade(1, 1, 0, "NONE", 0)).isEqualTo("C"); // 770
    assertThat(recipientGrade(2, 0, 0, "NONE", 0)).isEqualTo("C"); // 750
    assertThat(recipientGrade(0, 0, 0, "NONE", 1)).isEqualTo("C"); // 750
    assertThat(recipientGrade(1, 0, 0, "NONE", 1)).isEqualTo("D"); // 710
    assertThat(recipientGrade(2, 1, 0, "NONE", 0)).isEqualTo("D"); // 710
    assertThat(recipientGrade(4, 2, 5, "NONE", 2)).isEqualTo("E"); // 200+0+30+40+90+0 -> 360
    // under the first calibration, one no-show and one dispute still left an A (750)
    Scorecard first = Scorecards.builtIn().inForce(Subject.RECIPIENT, Period.parse("2025-12"));
    Map<String, CharacteristicValue> values = new LinkedHashMap<>();
    values.put("recipient_no_shows", CharacteristicValue.of(1));
    values.put("recipient_disputes", CharacteristicValue.of(1));
    values.put("recipient_cancellations", CharacteristicValue.of(0));
    values.put("redemption_behaviour", CharacteristicValue.category("NONE"));
    values.put("anomaly_findings", CharacteristicValue.of(0));
    assertThat(first.version()).isEqualTo("RECIPIENT-2026.1");
    assertThat(first.score(values).grade()).isEqualTo("A");
  }

  @Test
  void refusesAValueOfTheWrongKindOrAnUnknownCategory() {
    CardCharacteristic redemption = recipient.characteristics().get(3);

    assertThatThrownBy(() -> redemption.score(CharacteristicValue.of(2)))
        .hasMessageContaining("takes categories");
    assertThatThrownBy(() -> redemption.score(CharacteristicValue.category("SOMETIMES")))
        .hasMessageContaining("no bin lists the category SOMETIMES");
  }

  @Test
  void refusesToScoreWithoutEveryCharacteristic() {
    Map<String, CharacteristicValue> values = providerValues("1", 1, "1", "4", 0, 0);
    values.remove("certificates");

    assertThatThrownBy(() -> provider.score(values))
        .hasMessage("PROVIDER-2026.1: no value for characteristic certificates");
  }
}
