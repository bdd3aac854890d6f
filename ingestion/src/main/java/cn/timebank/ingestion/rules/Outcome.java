package cn.timebank.ingestion.rules;

import cn.timebank.standards.codes.ResultCode;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** What the engine made of one record. */
public sealed interface Outcome permits Outcome.Rejected, Outcome.Accepted, Outcome.Confirmed {

  /** Rejected with exactly one R code, the lowest-numbered that applies (spec §4). */
  record Rejected(ResultCode code, String field, String detail) implements Outcome {
    public Rejected {
      Objects.requireNonNull(code, "code");
      Objects.requireNonNull(field, "field");
      Objects.requireNonNull(detail, "detail");
      if (!code.rejectsRecord()) {
        throw new IllegalArgumentException(code + " does not reject a record");
      }
    }
  }

  /**
   * Accepted with every W code that applies (sorted, each once), what some of them are about
   * ({@code notes}: for W201 the minutes credited of those the service was worth, for W204 the
   * services it overlaps — the live path's alerts say so) and the effects to apply.
   */
  record Accepted(List<ResultCode> warnings, Map<ResultCode, String> notes, Effects effects)
      implements Outcome {
    public Accepted {
      warnings = warnings.stream().distinct().sorted().toList();
      notes = Map.copyOf(notes);
      Objects.requireNonNull(effects, "effects");
      if (warnings.stream().anyMatch(code -> !code.isWarning())) {
        throw new IllegalArgumentException("an accepted record carries only W codes");
      }
      if (!warnings.containsAll(notes.keySet())) {
        throw new IllegalArgumentException("a note for a W code the record does not carry");
      }
    }

    public Accepted(List<ResultCode> warnings, Effects effects) {
      this(warnings, Map.of(), effects);
    }
  }

  /**
   * The record is already known with the same content (spec §5: a record that came through the
   * stream and again in a package, or the reverse): no entries, no code.
   */
  record Confirmed(String ref) implements Outcome {
    public Confirmed {
      Objects.requireNonNull(ref, "ref");
    }
  }
}
