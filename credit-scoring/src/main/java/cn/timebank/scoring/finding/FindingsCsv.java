package cn.timebank.scoring.finding;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Findings as CSV (RFC 4180, header row): {@code code,bank,participant_refs,record_refs,detail}.
 * Refs are {@code ;}-separated; a ref of another bank than the row's is written {@code BANK:REF}.
 */
public final class FindingsCsv {

  public static final String HEADER = "code,bank,participant_refs,record_refs,detail";

  private FindingsCsv() {}

  public static String write(List<Finding> findings) {
    StringBuilder out = new StringBuilder(HEADER).append("\r\n");
    for (Finding f : findings) {
      out.append(f.code().name())
          .append(',')
          .append(f.bank())
          .append(',')
          .append(
              quote(
                  f.participants().stream()
                      .map(p -> ref(f.bank(), p.bank(), p.ref()))
                      .collect(Collectors.joining(";"))))
          .append(',')
          .append(
              quote(
                  f.records().stream()
                      .map(r -> ref(f.bank(), r.bank(), r.ref()))
                      .collect(Collectors.joining(";"))))
          .append(',')
          .append(quote(f.detail()))
          .append("\r\n");
    }
    return out.toString();
  }

  private static String ref(String rowBank, String bank, String ref) {
    return rowBank.equals(bank) ? ref : bank + ":" + ref;
  }

  static String quote(String field) {
    if (field.contains(",")
        || field.contains("\"")
        || field.contains("\n")
        || field.contains("\r")) {
      return "\"" + field.replace("\"", "\"\"") + "\"";
    }
    return field;
  }
}
