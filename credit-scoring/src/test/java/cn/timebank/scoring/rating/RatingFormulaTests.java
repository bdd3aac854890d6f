package cn.timebank.scoring.rating;

import static org.assertj.core.api.Assertions.assertThat;

import cn.timebank.standards.model.Period;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class RatingFormulaTests {

  private final RatingRules rules = RatingRulesFile.builtIn().inForce(Period.parse("2026-10"));

  private static RatingInputs inputs(
      long daysLate,
      int files,
      long read,
      long rejected,
      long accepted,
      long named,
      int corrections) {
    return new RatingInputs(
        "310109-001", true, daysLate, 3, files, read, rejected, accepted, named, corrections);
  }

  private BankRating rate(RatingInputs in) {
    return RatingFormula.rate("2026-10", rules, in);
  }

  @Test
  void aPerfectDeliveryScoresOneHundredEverywhere() {
    BankRating r = rate(inputs(0, 3, 100, 0, 100, 0, 0));

    assertThat(r.punctuality()).isEqualByComparingTo("100");
    assertThat(r.completeness()).isEqualByComparingTo("100");
    assertThat(r.accuracy()).isEqualByComparingTo("100");
    assertThat(r.stability()).isEqualByComparingTo("100");
    assertThat(r.plausibility()).isEqualByComparingTo("100");
    assertThat(r.total()).isEqualByComparingTo("100");
    assertThat(r.grade()).isEqualTo("A");
  }

  @Test
  void punctualityLosesTenPerDayLateDownToZero() {
    assertThat(rate(inputs(1, 3, 1, 0, 1, 0, 0)).punctuality()).isEqualByComparingTo("90");
    assertThat(rate(inputs(3, 3, 1, 0, 1, 0, 0)).punctuality()).isEqualByComparingTo("70");
    assertThat(rate(inputs(10, 3, 1, 0, 1, 0, 0)).punctuality()).isEqualByComparingTo("0");
    assertThat(rate(inputs(12, 3, 1, 0, 1, 0, 0)).punctuality()).isEqualByComparingTo("0");
  }

  @Test
  void completenessIsTheShareOfExpectedFileTypesDelivered() {
    assertThat(rate(inputs(0, 2, 1, 0, 1, 0, 0)).completeness()).isEqualByComparingTo("66.67");
    assertThat(rate(inputs(0, 0, 1, 0, 1, 0, 0)).completeness()).isEqualByComparingTo("0");
  }

  @Test
  void accuracyIsOneMinusTheRejectedShareOfRecordsRead() {
    assertThat(rate(inputs(0, 3, 200, 30, 170, 0, 0)).accuracy()).isEqualByComparingTo("85.00");
    assertThat(rate(inputs(0, 3, 0, 0, 0, 0, 0)).accuracy()).isEqualByComparingTo("100");
  }

  @Test
  void stabilityLosesTwentyFivePerCorrectionDownToZero() {
    assertThat(rate(inputs(0, 3, 1, 0, 1, 0, 1)).stability()).isEqualByComparingTo("75");
    assertThat(rate(inputs(0, 3, 1, 0, 1, 0, 4)).stability()).isEqualByComparingTo("0");
    assertThat(rate(inputs(0, 3, 1, 0, 1, 0, 5)).stability()).isEqualByComparingTo("0");
  }

  @Test
  void plausibilityIsOneMinusTheShareOfAcceptedRecordsNamedInFindings() {
    assertThat(rate(inputs(0, 3, 170, 0, 170, 17, 0)).plausibility()).isEqualByComparingTo("90.00");
    assertThat(rate(inputs(0, 3, 10, 0, 10, 40, 0)).plausibility()).isEqualByComparingTo("0");
  }

  @Test
  void theTotalWeighsTheCriteriaTwentyFiveFifteenThirtyTenTwenty() {
    // 0.25 x 70 + 0.15 x 66.67 + 0.30 x 85 + 0.10 x 75 + 0.20 x 90 = 78.5005
    BankRating r = rate(inputs(3, 2, 200, 30, 170, 17, 1));

    assertThat(r.total()).isEqualByComparingTo("78.50");
    assertThat(r.grade()).isEqualTo("B");
  }

  @Test
  void aBankThatDeliveredNothingKeepsOnlyItsStability() {
    BankRating r =
        RatingFormula.rate(
            "2026-10", rules, new RatingInputs("310109-001", false, 0, 3, 0, 0, 0, 0, 0, 0));

    assertThat(r.punctuality()).isEqualByComparingTo("0");
    assertThat(r.completeness()).isEqualByComparingTo("0");
    assertThat(r.accuracy()).isEqualByComparingTo("0");
    assertThat(r.stability()).isEqualByComparingTo("100");
    assertThat(r.plausibility()).isEqualByComparingTo("0");
    assertThat(r.total()).isEqualByComparingTo("10.00");
    assertThat(r.grade()).isEqualTo("D");
  }

  @Test
  void gradesAFromNinetyBFromSeventyFiveCFromSixtyElseD() {
    assertThat(RatingFormula.grade(rules, new BigDecimal("100"))).isEqualTo("A");
    assertThat(RatingFormula.grade(rules, new BigDecimal("90.00"))).isEqualTo("A");
    assertThat(RatingFormula.grade(rules, new BigDecimal("89.99"))).isEqualTo("B");
    assertThat(RatingFormula.grade(rules, new BigDecimal("75.00"))).isEqualTo("B");
    assertThat(RatingFormula.grade(rules, new BigDecimal("74.99"))).isEqualTo("C");
    assertThat(RatingFormula.grade(rules, new BigDecimal("60.00"))).isEqualTo("C");
    assertThat(RatingFormula.grade(rules, new BigDecimal("59.99"))).isEqualTo("D");
    assertThat(RatingFormula.grade(rules, BigDecimal.ZERO)).isEqualTo("D");
  }

  @Test
  void theShippedRulesHoldTheDocumentedDefaults() {
    assertThat(rules.weights()).isEqualTo(new RatingRules.Weights(25, 15, 30, 10, 20));
    assertThat(rules.expectedFiles()).containsExactly("PARTICIPANTS", "SERVICES", "TRANSACTIONS");
    assertThat(rules.perDayLate()).isEqualTo(10);
    assertThat(rules.perCorrection()).isEqualTo(25);
  }
}
