package cn.timebank.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FormulaTextTests {

  @Test
  void prefixesTextThatASpreadsheetWouldTakeForAFormula() {
    assertThat(FormulaText.neutralise("=1+1")).isEqualTo("'=1+1");
    assertThat(FormulaText.neutralise("+86 21 1234")).isEqualTo("'+86 21 1234");
    assertThat(FormulaText.neutralise("-x")).isEqualTo("'-x");
    assertThat(FormulaText.neutralise("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    assertThat(FormulaText.neutralise("\t=1")).isEqualTo("'\t=1");
  }

  @Test
  void leavesOrdinaryTextAlone() {
    assertThat(FormulaText.neutralise("报送回执")).isEqualTo("报送回执");
    assertThat(FormulaText.neutralise("a=b")).isEqualTo("a=b");
    assertThat(FormulaText.neutralise("")).isEmpty();
    assertThat(FormulaText.neutralise(null)).isNull();
  }
}
