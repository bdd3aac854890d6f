package cn.timebank.reporting;

/**
 * Bar charts drawn as text: a bar of block characters (█ and the eighth blocks ▏▎▍▌▋▊▉), long in
 * proportion to its value. JasperReports 7.0.6 keeps its chart elements in {@code
 * jasperreports-charts} with JFreeChart, which this module does not carry; a text bar prints in the
 * report's one font (Noto Sans SC has the block elements), in PDF and HTML alike, and needs nothing
 * more.
 */
public final class TextBars {

  private static final char FULL = '█';
  private static final String EIGHTHS = " ▏▎▍▌▋▊▉";

  private TextBars() {}

  /**
   * A bar for {@code value} on a scale where {@code max} fills {@code width} characters; empty for
   * zero or less, at least one eighth for any positive value.
   */
  public static String of(double value, double max, int width) {
    if (value <= 0 || max <= 0) {
      return "";
    }
    long eighths = Math.max(1, Math.round(Math.min(value, max) / max * width * 8));
    StringBuilder bar = new StringBuilder();
    for (long i = 0; i < eighths / 8; i++) {
      bar.append(FULL);
    }
    if (eighths % 8 != 0) {
      bar.append(EIGHTHS.charAt((int) (eighths % 8)));
    }
    return bar.toString();
  }
}
