package cn.timebank.standards.hours.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CodePointOrderTests {

  /** U+1F600, a supplementary character: the surrogate pair D83D DE00 in UTF-16. */
  private static final String GRINNING = new String(Character.toChars(0x1F600));

  /** U+FF21, FULLWIDTH LATIN CAPITAL LETTER A: one UTF-16 unit above the surrogates. */
  private static final String FULLWIDTH_A = "\uFF21";

  @Test
  void putsASupplementaryCharacterAfterTheBasicPlaneWhereStringCompareToPutsItBefore() {
    assertThat(GRINNING.compareTo(FULLWIDTH_A)).isNegative();
    assertThat(CodePointOrder.INSTANCE.compare(GRINNING, FULLWIDTH_A)).isPositive();
    assertThat(CodePointOrder.INSTANCE.compare(FULLWIDTH_A, GRINNING)).isNegative();
  }

  @Test
  void sortsRefsByCodePoint() {
    List<String> refs =
        new ArrayList<>(List.of("S" + GRINNING, "s1", "S" + FULLWIDTH_A, "S10", "S2", "S"));
    List<String> byUtf16 = new ArrayList<>(refs);
    byUtf16.sort(null);
    refs.sort(CodePointOrder.INSTANCE);

    assertThat(refs).containsExactly("S", "S10", "S2", "S" + FULLWIDTH_A, "S" + GRINNING, "s1");
    assertThat(byUtf16).containsExactly("S", "S10", "S2", "S" + GRINNING, "S" + FULLWIDTH_A, "s1");
  }

  @Test
  void agreesWithStringCompareToOnTheBasicPlaneAndOnPrefixes() {
    assertThat(CodePointOrder.INSTANCE.compare("310109-001", "310109-002")).isNegative();
    assertThat(CodePointOrder.INSTANCE.compare("S1", "S1")).isZero();
    assertThat(CodePointOrder.INSTANCE.compare("S1", "S10")).isNegative();
    assertThat(CodePointOrder.INSTANCE.compare("S10", "S1")).isPositive();
    assertThat(CodePointOrder.INSTANCE.compare("", GRINNING)).isNegative();
  }
}
