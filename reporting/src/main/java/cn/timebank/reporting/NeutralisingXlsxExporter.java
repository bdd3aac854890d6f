package cn.timebank.reporting;

import net.sf.jasperreports.engine.JRPrintText;
import net.sf.jasperreports.engine.export.ooxml.JRXlsxExporter;
import net.sf.jasperreports.engine.util.JRStyledText;

/** The XLSX exporter, with formula-like text cells neutralised ({@link FormulaText}). */
final class NeutralisingXlsxExporter extends JRXlsxExporter {

  @Override
  protected JRStyledText getStyledText(JRPrintText textElement) {
    return FormulaText.neutralise(textElement, super.getStyledText(textElement));
  }
}
