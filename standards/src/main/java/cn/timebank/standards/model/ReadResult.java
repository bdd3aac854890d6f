package cn.timebank.standards.model;

import cn.timebank.standards.codes.ResultCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a {@link RecordReader} made of one raw record: either the canonical record, or every field
 * problem found, sorted by code (stable, so problems of one code keep column order). The first
 * problem carries THE rejection code of spec §4, the lowest-numbered one.
 */
public record ReadResult<T>(Optional<T> record, List<FieldProblem> problems) {

  public ReadResult {
    if (record == null || problems == null) {
      throw new IllegalArgumentException("record and problems must not be null");
    }
    if (record.isPresent() == !problems.isEmpty()) {
      throw new IllegalArgumentException("a read result has either a record or problems");
    }
    List<FieldProblem> sorted = new ArrayList<>(problems);
    sorted.sort(FieldProblem.BY_CODE);
    problems = List.copyOf(sorted);
  }

  public static <T> ReadResult<T> accepted(T record) {
    return new ReadResult<>(Optional.of(record), List.of());
  }

  public static <T> ReadResult<T> rejected(List<FieldProblem> problems) {
    return new ReadResult<>(Optional.empty(), problems);
  }

  public boolean isAccepted() {
    return record.isPresent();
  }

  /** The problem that rejects the record: the one with the lowest code. */
  public Optional<FieldProblem> rejection() {
    return problems.isEmpty() ? Optional.empty() : Optional.of(problems.get(0));
  }

  /** The record's rejection code, the lowest of its problems. */
  public Optional<ResultCode> rejectionCode() {
    return rejection().map(FieldProblem::code);
  }
}
