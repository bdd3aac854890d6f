package cn.timebank.reporting;

import java.util.Locale;

/** The report locales: zh-CN by default, English on request. */
public final class ReportLocales {

  /** The default locale of every report. */
  public static final Locale ZH_CN = Locale.SIMPLIFIED_CHINESE;

  /** English, on request. */
  public static final Locale EN = Locale.ENGLISH;

  private ReportLocales() {}

  /** English for any {@code en} locale, zh-CN for everything else. */
  public static Locale supported(Locale requested) {
    return EN.getLanguage().equals(requested.getLanguage()) ? EN : ZH_CN;
  }
}
