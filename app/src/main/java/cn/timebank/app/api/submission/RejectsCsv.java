package cn.timebank.app.api.submission;

import cn.timebank.ingestion.receipt.ReceiptLine;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The rejected lines of a receipt as CSV for a spreadsheet: UTF-8 with a byte order mark (so that
 * Excel on Chinese Windows does not read it as GBK), CRLF line ends and RFC 4180 quoting. Text
 * cells that a spreadsheet would take for a formula (starting with {@code = + - @}, tab or carriage
 * return) get a leading {@code '} (OWASP CSV injection).
 */
final class RejectsCsv {

  static final String HEADER = "file,line,ref,field,code,message";
  private static final String BOM = "\uFEFF";
  private static final String CRLF = "\r\n";

  private RejectsCsv() {}

  static byte[] write(List<ReceiptLine> lines) {
    StringBuilder csv = new StringBuilder(BOM).append(HEADER).append(CRLF);
    for (ReceiptLine line : lines) {
      csv.append(text(line.file()))
          .append(',')
          .append(line.line() == null ? "" : line.line().toString())
          .append(',')
          .append(text(line.ref()))
          .append(',')
          .append(text(line.field()))
          .append(',')
          .append(text(line.code()))
          .append(',')
          .append(text(line.message()))
          .append(CRLF);
    }
    return csv.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** One text cell: neutralised, then quoted when it holds a comma, a quote or a line break. */
  static String text(@Nullable String value) {
    if (value == null || value.isEmpty()) {
      return "";
    }
    String cell = "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    if (cell.indexOf(',') >= 0
        || cell.indexOf('"') >= 0
        || cell.indexOf('\n') >= 0
        || cell.indexOf('\r') >= 0) {
      return '"' + cell.replace("\"", "\"\"") + '"';
    }
    return cell;
  }
}
