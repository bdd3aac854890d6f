package cn.timebank.reporting;

import java.util.Locale;

/**
 * One report: a folder {@code reports/<name>/} on the classpath with {@code <name>.jrxml} and its
 * bundles {@code <name>_zh_CN.properties} and {@code <name>_en.properties}, and the mapping from
 * what the report is about (the input, which the report's query class loads) to the rows and
 * parameters of the template.
 *
 * @param <I> what one report is about, e.g. a receipt
 */
public interface ReportDefinition<I> {

  /** The report's folder and file name under {@code reports/}, e.g. {@code receipt}. */
  String name();

  /** The classpath location of the template. */
  default String template() {
    return "reports/" + name() + "/" + name() + ".jrxml";
  }

  /** The base name of the resource bundles, for {@link java.util.ResourceBundle#getBundle}. */
  default String bundle() {
    return "reports/" + name() + "/" + name();
  }

  /**
   * The rows and parameters for one input.
   *
   * @param locale the report's locale (zh-CN or en), for texts that come with the data
   */
  ReportData data(I input, Locale locale);
}
