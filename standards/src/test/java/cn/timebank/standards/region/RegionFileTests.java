package cn.timebank.standards.region;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.timebank.standards.data.DataFileException;
import org.junit.jupiter.api.Test;

class RegionFileTests {

  @Test
  void refusesAParentThatIsNotListed() {
    assertThatThrownBy(() -> Regions.fromResource("regions/parent-not-listed.json"))
        .isInstanceOf(DataFileException.class)
        .hasMessage(
            "regions/parent-not-listed.json: $.regions[1]: the parent 430100 is not listed");
  }

  @Test
  void refusesAParentThatDoesNotFitTheCode() {
    assertThatThrownBy(() -> Regions.fromResource("regions/wrong-parent.json"))
        .isInstanceOf(DataFileException.class)
        .hasMessage(
            "regions/wrong-parent.json: $.regions[2]: a CITY 430100 cannot have the parent 310000");
  }

  @Test
  void refusesARepeatedCode() {
    assertThatThrownBy(() -> Regions.fromResource("regions/repeated-code.json"))
        .isInstanceOf(DataFileException.class)
        .hasMessage("regions/repeated-code.json: $.regions[1]: the code 430000 is listed twice");
  }

  @Test
  void refusesAnUnknownKey() {
    assertThatThrownBy(() -> Regions.fromResource("regions/unknown-key.json"))
        .isInstanceOf(DataFileException.class)
        .hasMessage("regions/unknown-key.json: $.version: unknown key");
  }

  @Test
  void refusesAShortCode() {
    assertThatThrownBy(() -> Regions.fromResource("regions/short-code.json"))
        .isInstanceOf(DataFileException.class)
        .hasMessage(
            "regions/short-code.json: $.regions[0][0]: must be a 6-digit code (was '4300')");
  }
}
