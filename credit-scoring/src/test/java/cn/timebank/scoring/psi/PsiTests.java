package cn.timebank.scoring.psi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PsiTests {

  private static long[] bins(long... first) {
    long[] counts = new long[Psi.BINS];
    System.arraycopy(first, 0, counts, 0, first.length);
    return counts;
  }

  @Test
  void splitsThreeHundredToNineHundredIntoTenEqualBins() {
    assertThat(Psi.bin(300)).isZero();
    assertThat(Psi.bin(359)).isZero();
    assertThat(Psi.bin(360)).isEqualTo(1);
    assertThat(Psi.bin(839)).isEqualTo(8);
    assertThat(Psi.bin(840)).isEqualTo(9);
    assertThat(Psi.bin(900)).isEqualTo(9);
    assertThat(Psi.counts(300, 310, 620, 900)).containsExactly(2, 0, 0, 0, 0, 1, 0, 0, 0, 1);
  }

  @Test
  void matchesAValueComputedByHand() {
    // E = (0.5, 0.5), A = (0.25, 0.75); empty bins equal on both sides add nothing:
    // (0.25 - 0.5) ln(0.5) + (0.75 - 0.5) ln(1.5) = 0.173287 + 0.101366 = 0.274653
    assertThat(Psi.index(bins(50, 50), bins(25, 75))).isCloseTo(0.274653, within(1e-6));
  }

  @Test
  void countsAnEmptyBinAsOneInTenThousand() {
    // E = (1, 0.0001), A = (0.0001, 1): 2 x 0.9999 x ln(10000) = 18.418839
    assertThat(Psi.index(bins(100), bins(0, 100))).isCloseTo(18.418839, within(1e-6));
  }

  @Test
  void isZeroForTheSameDistribution() {
    assertThat(Psi.index(bins(10, 20, 30), bins(20, 40, 60))).isCloseTo(0.0, within(1e-12));
  }

  @Test
  void bandsBelowPointOneStableUpToPointTwoFiveInvestigateAboveShifted() {
    assertThat(PsiBand.of(0.0999)).isEqualTo(PsiBand.STABLE);
    assertThat(PsiBand.of(0.1)).isEqualTo(PsiBand.INVESTIGATE);
    assertThat(PsiBand.of(0.25)).isEqualTo(PsiBand.INVESTIGATE);
    assertThat(PsiBand.of(0.2501)).isEqualTo(PsiBand.SHIFTED);
  }
}
