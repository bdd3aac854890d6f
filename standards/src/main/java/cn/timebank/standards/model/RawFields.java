package cn.timebank.standards.model;

import cn.timebank.standards.codes.ResultCode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * One raw record being read: typed accessors that add a {@link FieldProblem} (R101 missing, R102
 * malformed) instead of failing, so a reader finds every problem of a record in one pass.
 */
final class RawFields {

  /** Whether a field must have a value. */
  enum Need {
    REQUIRED,
    OPTIONAL
  }

  /** Decimal notation as CSV writes numbers and JSON encoders may (an exponent is allowed). */
  private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][+-]?\\d+)?");

  private static final int ECHO_LIMIT = 40;

  private final Map<String, String> raw;
  private final List<FieldProblem> problems = new ArrayList<>();

  RawFields(Map<String, String> raw) {
    this.raw = raw;
  }

  List<FieldProblem> problems() {
    return problems;
  }

  boolean hasProblems() {
    return !problems.isEmpty();
  }

  void problem(String field, ResultCode code, String detail) {
    problems.add(new FieldProblem(field, code, detail));
  }

  /** The stripped text of a field; absent when missing, null or blank (R101 if required). */
  Optional<String> text(String field, Need need) {
    String value = raw.get(field);
    String text = value == null ? "" : value.strip();
    if (text.isEmpty()) {
      if (need == Need.REQUIRED) {
        problem(field, ResultCode.R101, "is required but empty");
      }
      return Optional.empty();
    }
    return Optional.of(text);
  }

  /** A ref or local code: at most {@value Checks#MAX_REF_LENGTH} characters, no control ones. */
  Optional<String> ref(String field, Need need) {
    return text(field, need)
        .flatMap(
            text ->
                parse(
                    field,
                    text,
                    t -> Checks.ref(t, field),
                    "at most " + Checks.MAX_REF_LENGTH + " characters without control characters"));
  }

  <E extends Enum<E>> Optional<E> enumValue(String field, Class<E> type, Need need) {
    return text(field, need)
        .flatMap(
            text ->
                parse(
                    field,
                    text,
                    t -> Enum.valueOf(type, t),
                    "one of " + Arrays.toString(type.getEnumConstants())));
  }

  /** A date {@code YYYY-MM-DD} (strict: 2026-02-30 is malformed). */
  Optional<LocalDate> date(String field, Need need) {
    return text(field, need)
        .flatMap(
            text ->
                parse(
                    field,
                    text,
                    t -> LocalDate.parse(t, DateTimeFormatter.ISO_LOCAL_DATE),
                    "a date YYYY-MM-DD"));
  }

  /** An ISO-8601 timestamp as Asia/Shanghai local time (see {@link Timestamps#parseLocal}). */
  Optional<LocalDateTime> timestamp(String field, Need need) {
    return text(field, need)
        .flatMap(
            text ->
                parse(
                    field,
                    text,
                    Timestamps::parseLocal,
                    "an ISO-8601 timestamp, e.g. 2026-10-05T09:00:00 or 2026-10-05T09:00:00+08:00"));
  }

  /** {@code Y} or {@code N}, exactly. */
  Optional<Boolean> yesNo(String field, Need need) {
    return text(field, need)
        .flatMap(
            text -> {
              if (text.equals("Y") || text.equals("N")) {
                return Optional.of(text.equals("Y"));
              }
              malformed(field, text, "Y or N");
              return Optional.empty();
            });
  }

  /** A positive decimal. */
  Optional<BigDecimal> positiveDecimal(String field, Need need) {
    return text(field, need)
        .flatMap(
            text -> {
              Optional<BigDecimal> value = decimal(text).filter(d -> d.signum() > 0);
              if (value.isEmpty()) {
                malformed(field, text, "a number > 0");
              }
              return value;
            });
  }

  /**
   * A whole number between {@code min} and {@code max}. Trailing zero decimals ({@code 90.0}, as a
   * JSON encoder may write) still make a whole number; {@code 90.5} does not.
   */
  Optional<Long> whole(String field, long min, long max, Need need) {
    return text(field, need)
        .flatMap(
            text -> {
              Optional<Long> value =
                  decimal(text).flatMap(RawFields::exactLong).filter(v -> v >= min && v <= max);
              if (value.isEmpty()) {
                String range = max == Long.MAX_VALUE ? ">= " + min : "from " + min + " to " + max;
                malformed(field, text, "a whole number " + range);
              }
              return value;
            });
  }

  /** A 6-digit region code. */
  Optional<String> region(String field, Need need) {
    return text(field, need)
        .flatMap(text -> parse(field, text, t -> Checks.region(t, field), "6 digits"));
  }

  Optional<BankCode> bankCode(String field, Need need) {
    return text(field, need)
        .flatMap(text -> parse(field, text, BankCode::of, "a bank code like 310109-001"));
  }

  /** {@code ;}-separated codes; empty items (a trailing {@code ;}) are ignored. */
  Set<String> codes(String field) {
    Set<String> codes = new TreeSet<>();
    Optional<String> text = text(field, Need.OPTIONAL);
    if (text.isEmpty()) {
      return codes;
    }
    for (String item : text.get().split(";", -1)) {
      String code = item.strip();
      if (code.isEmpty()) {
        continue;
      }
      if (!Participant.CERTIFICATE.matcher(code).matches()) {
        malformed(field, code, "';'-separated codes of A-Z, 0-9 and _, e.g. CARE_BASIC;FIRST_AID");
      }
      codes.add(code);
    }
    return codes;
  }

  void malformed(String field, String text, String expected) {
    problem(field, ResultCode.R102, "must be " + expected + " (was " + echo(text) + ")");
  }

  private <T> Optional<T> parse(
      String field, String text, Function<String, T> parser, String expected) {
    try {
      return Optional.of(parser.apply(text));
    } catch (RuntimeException e) {
      malformed(field, text, expected);
      return Optional.empty();
    }
  }

  private static Optional<BigDecimal> decimal(String text) {
    if (!NUMBER.matcher(text).matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(new BigDecimal(text));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static Optional<Long> exactLong(BigDecimal value) {
    try {
      return Optional.of(value.longValueExact());
    } catch (ArithmeticException e) {
      return Optional.empty();
    }
  }

  private static String echo(String text) {
    String shown = text.length() > ECHO_LIMIT ? text.substring(0, ECHO_LIMIT) + "…" : text;
    return "'" + shown + "'";
  }
}
