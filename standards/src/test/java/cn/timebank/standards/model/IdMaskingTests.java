package cn.timebank.standards.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class IdMaskingTests {

  @Test
  void masksAResidentIdsBirthDate() {
    assertThat(IdMasking.mask(IdType.RESIDENT_ID, Fixtures.RESIDENT_ID))
        .isEqualTo("110105********" + Fixtures.RESIDENT_ID.substring(14));
  }

  @Test
  void keepsTheFirstTwoAndLastTwoOfOtherNumbers() {
    assertThat(IdMasking.mask(IdType.PASSPORT, "e12345678")).isEqualTo("E1*****78");
    assertThat(IdMasking.mask(IdType.OTHER, "A123456(7)")).isEqualTo("A1******7)");
    assertThat(IdMasking.isMasked(IdType.PASSPORT, "E1*****78")).isTrue();
    assertThat(IdMasking.isMasked(IdType.PASSPORT, "E12345678")).isFalse();
  }

  @Test
  void refusesNumbersTooShortToHideWithoutShowingThem() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> IdMasking.mask(IdType.PASSPORT, "E1234"))
        .withMessageNotContaining("E1234")
        .withMessageContaining("id_number");
  }
}
