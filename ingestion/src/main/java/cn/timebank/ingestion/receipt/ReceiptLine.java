package cn.timebank.ingestion.receipt;

import cn.timebank.standards.codes.ResultCode;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One rejected record or one warning of a receipt: {@code {file, line, ref, field, code, message}}
 * (spec §5). A package-level rejection has a line only where it applies.
 */
public record ReceiptLine(
    @Nullable String file,
    @Nullable Long line,
    @Nullable String ref,
    @Nullable String field,
    String code,
    String message) {

  public ReceiptLine {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
  }

  /** A line whose message is {@link #message the code's bilingual text and the detail}. */
  public static ReceiptLine of(
      @Nullable String file,
      @Nullable Long line,
      @Nullable String ref,
      @Nullable String field,
      ResultCode code,
      @Nullable String detail) {
    return new ReceiptLine(file, line, ref, field, code.name(), message(code, field, detail));
  }

  /** Details that name no subject of their own start with one of these: the field is theirs. */
  private static final List<String> SUBJECTLESS =
      List.of("is ", "must ", "has ", "does ", "was ", "cannot ", "should ", "not ");

  /**
   * A rejected record's or a warning's message, the same for packages and events: the code's
   * bilingual text, then the detail when there is one — led by the field when the detail has no
   * subject of its own ({@code 缺少必填字段 / required field missing: start is required but empty}), as
   * it is when it names one ({@code …: P000060 is under 60}).
   */
  public static String message(ResultCode code, @Nullable String field, @Nullable String detail) {
    if (detail == null || detail.isBlank()) {
      return code.bilingual();
    }
    boolean subjectless = SUBJECTLESS.stream().anyMatch(detail::startsWith);
    return code.bilingual()
        + ": "
        + (field != null && !field.isBlank() && subjectless ? field + " " : "")
        + detail;
  }
}
