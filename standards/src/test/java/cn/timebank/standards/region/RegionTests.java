package cn.timebank.standards.region;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class RegionTests {

  @Test
  void refusesALevelThatDoesNotFitTheCode() {
    assertThatThrownBy(
            () -> new Region("430100", "长沙市", RegionLevel.DISTRICT, Optional.of("430000")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("code 430100 is not of a DISTRICT");
  }

  @Test
  void refusesADistrictWhoseParentIsNeitherItsCityNorItsProvince() {
    assertThatThrownBy(
            () -> new Region("430102", "芙蓉区", RegionLevel.DISTRICT, Optional.of("430200")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a DISTRICT 430102 cannot have the parent 430200");
  }

  @Test
  void refusesAProvinceWithAParent() {
    assertThatThrownBy(
            () -> new Region("430000", "湖南省", RegionLevel.PROVINCE, Optional.of("430000")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void refusesAMalformedCode() {
    assertThatThrownBy(() -> new Region("4301", "长沙市", RegionLevel.CITY, Optional.of("430000")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a region code has 6 digits: 4301");
  }
}
