package cn.timebank.ingestion.rules;

import cn.timebank.standards.codes.ResultCode;
import cn.timebank.standards.model.FieldProblem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The R codes found for one record, from the reader (R101, R102, R108, R109), the batch (R113) and
 * the engine's own checks; the lowest-numbered is the record's rejection (spec §4). Every check is
 * evaluated, none stops the others.
 */
final class Problems {

  private final List<FieldProblem> found = new ArrayList<>();

  Problems(List<FieldProblem> prior) {
    found.addAll(prior);
  }

  void add(ResultCode code, String field, String detail) {
    found.add(new FieldProblem(field, code, detail));
  }

  void add(Optional<ResultCode> code, String field, String detail) {
    code.ifPresent(c -> add(c, field, detail));
  }

  boolean isEmpty() {
    return found.isEmpty();
  }

  boolean has(ResultCode code) {
    return found.stream().anyMatch(p -> p.code() == code);
  }

  /** The lowest code, first found among equals. */
  Optional<Outcome.Rejected> rejection() {
    return found.stream()
        .min(Comparator.comparing((FieldProblem p) -> p.code().name()))
        .map(p -> new Outcome.Rejected(p.code(), p.field(), p.detail()));
  }
}
