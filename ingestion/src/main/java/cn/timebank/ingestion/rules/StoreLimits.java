package cn.timebank.ingestion.rules;

import cn.timebank.standards.codes.ResultCode;
import cn.timebank.standards.model.FieldProblem;
import cn.timebank.standards.model.Participant;
import cn.timebank.standards.model.Service;
import cn.timebank.standards.model.Transaction;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The widths of the canonical store's columns that the readers do not bound (decision: a value that
 * would not fit is R102, malformed, rather than cut or a failed run): {@code name} 100 characters,
 * {@code note} 500, {@code local_category} 40, {@code local_amount} at most 10 digits before and 2
 * after the point. Batch and stream both apply them after the standards readers (a package's record
 * in staging, an event in the reading step), so a value the ledger cannot hold is R102 on either
 * path and never reaches the database sink.
 */
public final class StoreLimits {

  static final int NAME = 100;
  static final int NOTE = 500;
  static final int LOCAL_CATEGORY = 40;

  private StoreLimits() {}

  public static List<FieldProblem> of(Participant p) {
    List<FieldProblem> problems = new ArrayList<>();
    text(problems, "name", p.name(), NAME);
    return problems;
  }

  public static List<FieldProblem> of(Service s) {
    List<FieldProblem> problems = new ArrayList<>();
    text(problems, "local_category", Optional.of(s.localCategory()), LOCAL_CATEGORY);
    s.localAmount()
        .filter(StoreLimits::tooWide)
        .ifPresent(
            amount ->
                problems.add(
                    new FieldProblem(
                        "local_amount",
                        ResultCode.R102,
                        "must have at most 10 digits before and 2 after the point (was "
                            + amount.toPlainString()
                            + ")")));
    return problems;
  }

  public static List<FieldProblem> of(Transaction t) {
    List<FieldProblem> problems = new ArrayList<>();
    text(problems, "note", t.note(), NOTE);
    return problems;
  }

  private static boolean tooWide(BigDecimal amount) {
    return amount.scale() > 2 || amount.precision() - amount.scale() > 10;
  }

  private static void text(
      List<FieldProblem> problems, String field, Optional<String> value, int max) {
    value
        .filter(text -> text.length() > max)
        .ifPresent(
            text ->
                problems.add(
                    new FieldProblem(
                        field,
                        ResultCode.R102,
                        "must have at most " + max + " characters (has " + text.length() + ")")));
  }
}
