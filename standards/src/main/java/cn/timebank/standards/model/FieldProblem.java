package cn.timebank.standards.model;

import cn.timebank.standards.codes.ResultCode;
import java.util.Comparator;

/**
 * Why one field of a raw record cannot be read: the field (a spec column name), the record-level
 * code (R101, R102, R108, R109) and a detail in English. A detail about {@code id_number} never
 * shows the number.
 */
public record FieldProblem(String field, ResultCode code, String detail) {

  /** By code, lowest first (the lowest is the record's rejection code, spec §4). */
  public static final Comparator<FieldProblem> BY_CODE =
      Comparator.comparing(problem -> problem.code().name());

  public FieldProblem {
    if (field == null || field.isBlank()) {
      throw new IllegalArgumentException("field must not be blank");
    }
    if (code == null || !code.rejectsRecord()) {
      throw new IllegalArgumentException("code must be a record-level R code (was " + code + ")");
    }
    if (detail == null || detail.isBlank()) {
      throw new IllegalArgumentException("detail must not be blank");
    }
  }

  @Override
  public String toString() {
    return code + " " + field + ": " + detail;
  }
}
