package cn.timebank.app.report;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The reports one can ask for, by the word the command and the URL use. */
public enum ReportType {
  RECEIPT,
  COMPLIANCE,
  OVERVIEW,
  POLICY,
  STATEMENT;

  /** The word: {@code receipt}, {@code compliance}, ... */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<ReportType> of(String word) {
    return Arrays.stream(values()).filter(t -> t.word().equals(word)).findFirst();
  }
}
