package cn.timebank.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SmallCellsTests {

  private final SmallCells cells = new SmallCells(5);

  @Test
  void hidesCountsFromOneToFourButNotZeroOrFive() {
    assertThat(cells.cell(0)).isEqualTo(0L);
    assertThat(cells.cell(1)).isEqualTo("<5");
    assertThat(cells.cell(4)).isEqualTo("<5");
    assertThat(cells.cell(5)).isEqualTo(5L);
  }

  @Test
  void aLoneHiddenPartTakesTheSmallestOtherNonZeroPartWithIt() {
    assertThat(cells.protect(List.of(8L, 6L, 2L, 0L))).containsExactly(false, true, true, false);
    assertThat(cells.cell(6, true)).as("withheld, not small").isEqualTo("—");
  }

  @Test
  void twoHiddenPartsNeedNoMore() {
    assertThat(cells.protect(List.of(8L, 3L, 2L))).containsExactly(false, true, true);
    assertThat(cells.protect(List.of(8L, 6L, 0L))).containsExactly(false, false, false);
  }

  @Test
  void theThresholdIsConfigurable() {
    SmallCells ten = new SmallCells(10);
    assertThat(ten.cell(9)).isEqualTo("<10");
    assertThat(ten.cell(10)).isEqualTo(10L);
    assertThatThrownBy(() -> new SmallCells(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
