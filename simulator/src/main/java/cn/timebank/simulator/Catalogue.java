package cn.timebank.simulator;

import java.util.Optional;

/**
 * The unified service catalogue v1 of spec §3 (TBHS-2024.1) as far as the simulator needs it:
 * codes, weights, norm minutes and required certificates. Kept in this one class so that it can be
 * switched to the standard's catalogue once {@code standards} publishes it.
 */
enum Catalogue {
  LIVING_ASSIST("生活照料", 10, 60, null, 60, 150),
  PERSONAL_CARE("助浴助洁·身体照护", 15, 60, "CARE_BASIC", 45, 120),
  MEDICAL_ESCORT("助医陪诊", 12, 120, null, 90, 180),
  EMOTIONAL_SUPPORT("精神慰藉", 10, 60, null, 30, 90),
  ERRANDS("代购代办", 10, 60, null, 30, 90),
  SAFETY_VISIT("安全巡访", 10, 30, null, 30, 45),
  CULTURE_RECREATION("文体娱乐", 8, 60, null, 60, 120),
  HEALTH_EDUCATION("健康科普·培训讲座", 10, 60, null, 60, 120),
  TECH_HELP("智能技术帮扶", 10, 60, null, 30, 90),
  SKILLED_NURSING("专业护理", 20, 60, "NURSING_LICENSE", 60, 120);

  /** Band factor of night and holiday services, in hundredths (1.25). */
  static final int BAND_FACTOR_PERCENT = 125;

  private final String zhName;
  private final int weightTenths;
  private final int normMinutes;
  private final String certificate;
  private final int minActual;
  private final int maxActual;

  Catalogue(
      String zhName,
      int weightTenths,
      int normMinutes,
      String certificate,
      int minActual,
      int maxActual) {
    this.zhName = zhName;
    this.weightTenths = weightTenths;
    this.normMinutes = normMinutes;
    this.certificate = certificate;
    this.minActual = minActual;
    this.maxActual = maxActual;
  }

  String zhName() {
    return zhName;
  }

  int normMinutes() {
    return normMinutes;
  }

  Optional<String> certificate() {
    return Optional.ofNullable(certificate);
  }

  /** The shortest plausible actual duration the simulator generates (never below 30). */
  int minActual() {
    return minActual;
  }

  /** The longest plausible actual duration the simulator generates (never above 180). */
  int maxActual() {
    return maxActual;
  }

  /**
   * Weighted minutes of spec §3 step 3 with the band factor in hundredths (100 or 125), rounded
   * half-up.
   */
  int weighted(int billable, int bandPercent) {
    long milli = (long) billable * weightTenths * bandPercent;
    return (int) ((milli + 500) / 1000);
  }

  /**
   * An upper bound of the weighted minutes whatever the band: used to keep ordinary providers far
   * from the daily cap even if the official calendar marks a day as a holiday that the simulator
   * does not know of.
   */
  int weightedUpperBound(int billable) {
    return weighted(billable, BAND_FACTOR_PERCENT);
  }

  /** Billable minutes of spec §3 step 2: rounded down to a multiple of 15. */
  static int billable(int minutes) {
    return minutes - minutes % 15;
  }
}
