package cn.timebank.app.report;

import cn.timebank.reporting.ReportFormat;
import cn.timebank.reporting.ReportLocales;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a report is asked for with: the same parameters on the command line and in the URL. Which
 * ones a type needs is checked by {@link Reports}.
 */
public record ReportRequest(
    ReportType type,
    @Nullable String bank,
    @Nullable String region,
    @Nullable YearMonth period,
    @Nullable YearMonth from,
    @Nullable YearMonth to,
    @Nullable String participant,
    @Nullable String packageId,
    ReportFormat format,
    Locale locale) {

  /** Builds a request from the words a user typed; any malformed one is an INVALID request. */
  public static ReportRequest parse(
      String type,
      @Nullable String bank,
      @Nullable String region,
      @Nullable String period,
      @Nullable String from,
      @Nullable String to,
      @Nullable String participant,
      @Nullable String packageId,
      @Nullable String format,
      @Nullable String locale) {
    ReportType reportType =
        ReportType.of(type)
            .orElseThrow(
                () ->
                    invalid(
                        "unknown report type '"
                            + type
                            + "' (receipt, compliance, overview, policy, statement)"));
    return new ReportRequest(
        reportType,
        blankToNull(bank),
        blankToNull(region),
        period("period", period),
        period("from", from),
        period("to", to),
        blankToNull(participant),
        blankToNull(packageId),
        format(format),
        locale(locale));
  }

  /** The bank, or an INVALID request naming the parameter. */
  public String requireBank() {
    return Optional.ofNullable(bank).orElseThrow(() -> invalid("bank is required"));
  }

  public String requireRegion() {
    return Optional.ofNullable(region).orElseThrow(() -> invalid("region is required"));
  }

  public YearMonth requirePeriod() {
    return Optional.ofNullable(period).orElseThrow(() -> invalid("period (YYYY-MM) is required"));
  }

  public String requireParticipant() {
    return Optional.ofNullable(participant).orElseThrow(() -> invalid("participant is required"));
  }

  public String requirePackage() {
    return Optional.ofNullable(packageId).orElseThrow(() -> invalid("package is required"));
  }

  /** The period range: from/to, or the one period for both; from must not be after to. */
  public YearMonth[] requireRange() {
    YearMonth first = from != null ? from : period;
    YearMonth last = to != null ? to : period;
    if (first == null || last == null) {
      throw invalid("period, or from and to (YYYY-MM), is required");
    }
    if (first.isAfter(last)) {
      throw invalid("from " + first + " is after to " + last);
    }
    return new YearMonth[] {first, last};
  }

  /**
   * A file name that says what the report is: {@code TYPE[-BANK][-REGION][-PERIOD or FROM_TO]
   * [-PARTICIPANT or PACKAGE].LOCALE.EXT}, with anything but letters, digits, {@code -} and {@code
   * _} replaced by {@code _}.
   */
  public String fileName() {
    StringBuilder name = new StringBuilder(type.word());
    for (Object part :
        new Object[] {
          bank,
          region,
          period,
          from != null && to != null ? from + "_" + to : from != null ? from : to,
          participant,
          packageId
        }) {
      if (part != null) {
        name.append('-').append(part.toString().replaceAll("[^A-Za-z0-9_-]", "_"));
      }
    }
    return name + "." + locale.toLanguageTag() + "." + format.extension();
  }

  static ReportRequestException invalid(String message) {
    return new ReportRequestException(ReportRequestException.Kind.INVALID, message);
  }

  private static @Nullable YearMonth period(String name, @Nullable String value) {
    if (blankToNull(value) == null) {
      return null;
    }
    try {
      return YearMonth.parse(value.trim());
    } catch (DateTimeParseException e) {
      throw invalid(name + " must be YYYY-MM (was '" + value + "')");
    }
  }

  private static ReportFormat format(@Nullable String value) {
    if (blankToNull(value) == null) {
      return ReportFormat.PDF;
    }
    for (ReportFormat f : ReportFormat.values()) {
      if (f.extension().equalsIgnoreCase(value.trim())) {
        return f;
      }
    }
    throw invalid("format must be pdf, xlsx, html or csv (was '" + value + "')");
  }

  private static Locale locale(@Nullable String value) {
    if (blankToNull(value) == null) {
      return ReportLocales.ZH_CN;
    }
    return switch (value.trim()) {
      case "zh-CN", "zh_CN", "zh" -> ReportLocales.ZH_CN;
      case "en", "en-US", "en_US", "en-GB" -> ReportLocales.EN;
      default -> throw invalid("locale must be zh-CN or en (was '" + value + "')");
    };
  }

  private static @Nullable String blankToNull(@Nullable String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
