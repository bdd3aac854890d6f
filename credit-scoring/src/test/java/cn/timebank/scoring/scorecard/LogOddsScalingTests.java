package cn.timebank.scoring.scorecard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LogOddsScalingTests {

  private final LogOddsScaling scaling = new LogOddsScaling(600, 50, 20);

  @Test
  void base600AtFiftyToOneWithPdo20Gives620AtAHundredToOne() {
    assertThat(scaling.score(100)).isCloseTo(620.0, within(1e-9));
    assertThat(scaling.score(50)).isCloseTo(600.0, within(1e-9));
    assertThat(scaling.score(25)).isCloseTo(580.0, within(1e-9));
  }

  @Test
  void factorAndOffsetFollowTheTextbookFormulas() {
    // Factor = 20 / ln 2 = 28.8539...; Offset = 600 - 28.8539 x ln 50 = 487.1229...
    assertThat(scaling.factor()).isCloseTo(28.853900817779268, within(1e-9));
    assertThat(scaling.offset()).isCloseTo(487.1228762045055, within(1e-9));
  }

  @Test
  void oddsIsTheInverseOfScore() {
    assertThat(scaling.odds(620)).isCloseTo(100.0, within(1e-9));
    assertThat(scaling.odds(scaling.score(7.5))).isCloseTo(7.5, within(1e-9));
  }

  @Test
  void attributePointsSumToTheScoreOfTheLogOdds() {
    double intercept = 1.2;
    double[][] coefficientAndWoe = {{0.8, 0.5}, {1.1, -0.3}, {0.6, 0.9}};
    double sum = 0;
    double logOdds = intercept;
    for (double[] cw : coefficientAndWoe) {
      sum += scaling.attributePoints(cw[0], cw[1], intercept, coefficientAndWoe.length);
      logOdds += cw[0] * cw[1];
    }
    assertThat(sum).isCloseTo(scaling.pointsOfLogOdds(logOdds), within(1e-9));
  }

  @Test
  void refusesOddsOrPdoThatAreNotPositive() {
    assertThatThrownBy(() -> new LogOddsScaling(600, 0, 20))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new LogOddsScaling(600, 50, -20))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> scaling.score(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
