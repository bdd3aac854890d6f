package cn.timebank.reporting;

import java.math.BigDecimal;
import net.sf.jasperreports.engine.JRPrintText;
import net.sf.jasperreports.engine.export.JRCsvExporter;
import net.sf.jasperreports.engine.util.JRStyledText;

/**
 * The CSV exporter, with formula-like text cells neutralised ({@link FormulaText}) and numbers
 * written plain ({@code 48213}, not the {@code 48,213} the template's pattern prints), so that a
 * spreadsheet or a script reads them as numbers.
 */
final class NeutralisingCsvExporter extends JRCsvExporter {

  @Override
  public JRStyledText getStyledText(JRPrintText textElement) {
    JRStyledText styled = super.getStyledText(textElement);
    Object value = textElement.getValue();
    if (value instanceof Number number && styled != null) {
      return new JRStyledText(styled.getLocale(), plain(number));
    }
    return FormulaText.neutralise(textElement, styled);
  }

  private static String plain(Number number) {
    if (number instanceof BigDecimal decimal) {
      return decimal.toPlainString();
    }
    return number.toString();
  }
}
