package cn.timebank.standards.region;

/** The level of an administrative division, as its 6-digit code shows it. */
public enum RegionLevel {
  /** 省级: province, autonomous region or municipality (直辖市); code {@code NN0000}. */
  PROVINCE,
  /**
   * 地级: prefecture-level city, prefecture, league or autonomous prefecture; code {@code NNNN00}.
   */
  CITY,
  /** 县级: district, county, county-level city or banner. */
  DISTRICT;

  /** The level a well-formed 6-digit code stands for. */
  static RegionLevel ofCode(String code) {
    if (code.endsWith("0000")) {
      return PROVINCE;
    }
    return code.endsWith("00") ? CITY : DISTRICT;
  }
}
