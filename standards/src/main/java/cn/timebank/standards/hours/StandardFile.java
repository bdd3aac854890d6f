package cn.timebank.standards.hours;

import cn.timebank.standards.data.StrictNode;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Reads one version file into an {@link HourStandard}. Every key is required, unknown keys are
 * refused, numbers must be positive (zero allowed only where it means "none"); each error names the
 * file, the path and the problem.
 */
final class StandardFile {

  private StandardFile() {}

  static HourStandard read(StrictNode root) {
    String version = root.get("version").asText();
    var effectiveFrom = root.get("effective_from").asDate();
    HourStandard.Duration duration = duration(root.get("duration"));
    HourStandard.Bands bands = bands(root.get("bands"));
    StrictNode capsNode = root.get("caps");
    var caps =
        new HourStandard.Caps(
            capsNode.get("daily_cap").asPositiveInt(),
            capsNode.get("storage_cap_hours").asPositiveInt());
    capsNode.noOtherKeys();
    HourStandard.Schedule schedule = schedule(root.get("schedule"));
    StrictNode agesNode = root.get("ages");
    var ages =
        new HourStandard.Ages(
            wholeNonNegative(agesNode.get("provider_min_age")),
            wholeNonNegative(agesNode.get("redemption_min_age")));
    agesNode.noOtherKeys();
    StrictNode catalogueNode = root.get("catalogue");
    var catalogue = catalogueNode.list(node -> category(node, duration.roundingUnit()));
    if (catalogue.isEmpty()) {
      throw catalogueNode.error("must list at least one category");
    }
    Set<String> codes = new HashSet<>();
    for (int i = 0; i < catalogue.size(); i++) {
      if (!codes.add(catalogue.get(i).code())) {
        throw catalogueNode.elements().get(i).get("code").error("repeats an earlier category");
      }
    }
    root.noOtherKeys();
    return new HourStandard(
        version, effectiveFrom, duration, bands, caps, schedule, ages, catalogue);
  }

  private static HourStandard.Duration duration(StrictNode node) {
    var duration =
        new HourStandard.Duration(
            node.get("max_minutes").asPositiveInt(),
            node.get("rounding_unit").asPositiveInt(),
            wholeNonNegative(node.get("minimum_billable")));
    node.noOtherKeys();
    return duration;
  }

  private static HourStandard.Bands bands(StrictNode node) {
    StrictNode nightNode = node.get("night");
    LocalTime from = time(nightNode.get("from"));
    LocalTime to = time(nightNode.get("to"));
    if (from.equals(to)) {
      throw nightNode.get("to").error("must differ from 'from'");
    }
    var night = new HourStandard.NightBand(from, to, positiveDecimal(nightNode.get("factor")));
    nightNode.noOtherKeys();
    var bands =
        new HourStandard.Bands(
            night,
            positiveDecimal(node.get("holiday_factor")),
            node.get("bands_stack").asBoolean());
    node.noOtherKeys();
    return bands;
  }

  private static HourStandard.Schedule schedule(StrictNode node) {
    StrictNode due = node.get("due");
    int days = wholeNonNegative(due.get("days_after_month_end"));
    LocalTime time = time(due.get("time"));
    StrictNode zoneNode = due.get("zone");
    ZoneId zone;
    try {
      zone = ZoneId.of(zoneNode.asText());
    } catch (DateTimeException e) {
      throw zoneNode.error("must be a time-zone id such as Asia/Shanghai");
    }
    due.noOtherKeys();
    var schedule =
        new HourStandard.Schedule(
            days,
            time,
            zone,
            wholeNonNegative(node.get("correction_window_months")),
            wholeNonNegative(node.get("transfer_match_days")),
            wholeNonNegative(node.get("recording_lag_days")));
    node.noOtherKeys();
    return schedule;
  }

  private static Category category(StrictNode node, int roundingUnit) {
    String code = node.get("code").asText();
    if (!code.matches("[A-Z][A-Z0-9_]*")) {
      throw node.get("code").error("must be upper-case letters, digits and _ (was '" + code + "')");
    }
    String nameZh = node.get("name_zh").asText();
    String nameEn = node.get("name_en").asText();
    BigDecimal weight = positiveDecimal(node.get("weight"));
    StrictNode normNode = node.get("norm_minutes");
    int normMinutes = normNode.asPositiveInt();
    if (normMinutes % roundingUnit != 0) {
      throw normNode.error("must be a multiple of the rounding unit " + roundingUnit);
    }
    String certificate = node.get("certificate").asText();
    node.noOtherKeys();
    return new Category(
        code,
        nameZh,
        nameEn,
        weight,
        normMinutes,
        "none".equals(certificate) ? Optional.empty() : Optional.of(certificate));
  }

  private static int wholeNonNegative(StrictNode node) {
    long value = node.asNonNegativeLong();
    if (value > Integer.MAX_VALUE) {
      throw node.error("is too large (was " + value + ")");
    }
    return (int) value;
  }

  private static BigDecimal positiveDecimal(StrictNode node) {
    BigDecimal value = node.asNonNegativeDecimal();
    if (value.signum() == 0) {
      throw node.error("must be positive (was 0)");
    }
    return value;
  }

  private static LocalTime time(StrictNode node) {
    String text = node.asText();
    try {
      return LocalTime.parse(text);
    } catch (DateTimeException e) {
      throw node.error("must be a time HH:MM or HH:MM:SS (was '" + text + "')");
    }
  }
}
