package cn.timebank.standards.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BankCodeTests {

  @Test
  void derivesDistrictCityAndProvince() {
    BankCode code = BankCode.of("310109-001");

    assertThat(code.districtCode()).isEqualTo("310109");
    assertThat(code.cityCode()).isEqualTo("310100");
    assertThat(code.provinceCode()).isEqualTo("310000");
    assertThat(code).hasToString("310109-001");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "310109001", "31010-001", "310109-01", "310109-0001", "3101O9-001"})
  void refusesMalformedCodesNamingTheField(String text) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> BankCode.of(text))
        .withMessageContaining("bank_code");
  }

  @Test
  void ordersByText() {
    assertThat(BankCode.of("310109-002")).isGreaterThan(BankCode.of("310109-001"));
    assertThat(BankCode.of("110105-009")).isLessThan(BankCode.of("310109-001"));
  }
}
