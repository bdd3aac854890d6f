package cn.timebank.reporting;

import java.util.ArrayList;
import java.util.List;
import net.sf.jasperreports.engine.JRPrintText;
import net.sf.jasperreports.engine.util.JRStyledText;
import org.jspecify.annotations.Nullable;

/**
 * Neutralises text that a spreadsheet would take for a formula (CSV/formula injection): a text cell
 * that starts with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return gets a
 * leading {@code '}. Numbers, dates and booleans (text fields whose value class is one of them)
 * stay as they are, so {@code -5} is still a number.
 */
public final class FormulaText {

  private FormulaText() {}

  /** Whether a spreadsheet would read this text as a formula. */
  public static boolean isFormulaLike(@Nullable String text) {
    if (text == null || text.isEmpty()) {
      return false;
    }
    char first = text.charAt(0);
    return first == '='
        || first == '+'
        || first == '-'
        || first == '@'
        || first == '\t'
        || first == '\r';
  }

  /** The text with a leading {@code '} when it is formula-like, else unchanged. */
  public static @Nullable String neutralise(@Nullable String text) {
    return isFormulaLike(text) ? "'" + text : text;
  }

  /** The styled text of a text element, neutralised unless the element holds a typed value. */
  static @Nullable JRStyledText neutralise(JRPrintText element, @Nullable JRStyledText styled) {
    if (styled == null || holdsTypedValue(element) || !isFormulaLike(styled.getText())) {
      return styled;
    }
    List<JRStyledText.Run> runs = new ArrayList<>();
    for (JRStyledText.Run run : styled.getRuns()) {
      int start = run.startIndex == 0 ? 0 : run.startIndex + 1;
      runs.add(new JRStyledText.Run(run.attributes, start, run.endIndex + 1));
    }
    return new JRStyledText(
        styled.getLocale(), "'" + styled.getText(), styled.getGlobalAttributes(), runs);
  }

  private static boolean holdsTypedValue(JRPrintText element) {
    String valueClass = element.getValueClassName();
    if (valueClass == null || valueClass.equals(String.class.getName())) {
      return false;
    }
    try {
      Class<?> type = Class.forName(valueClass, false, FormulaText.class.getClassLoader());
      return Number.class.isAssignableFrom(type)
          || java.util.Date.class.isAssignableFrom(type)
          || java.time.temporal.Temporal.class.isAssignableFrom(type)
          || Boolean.class.equals(type);
    } catch (ClassNotFoundException e) {
      return false;
    }
  }
}
