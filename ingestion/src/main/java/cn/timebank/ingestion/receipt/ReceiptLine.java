package cn.timebank.ingestion.receipt;

import cn.timebank.standards.codes.ResultCode;
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

  /**
   * A line whose message is the code's bilingual text, with a detail when there is one, led by the
   * field it is about (as the live path's rejects are): {@code 缺少必填字段 / required field missing:
   * start is required but empty}.
   */
  public static ReceiptLine of(
      @Nullable String file,
      @Nullable Long line,
      @Nullable String ref,
      @Nullable String field,
      ResultCode code,
      @Nullable String detail) {
    String message =
        detail == null || detail.isBlank()
            ? code.bilingual()
            : code.bilingual()
                + ": "
                + (field == null || field.isBlank() || detail.startsWith(field) ? "" : field + " ")
                + detail;
    return new ReceiptLine(file, line, ref, field, code.name(), message);
  }
}
