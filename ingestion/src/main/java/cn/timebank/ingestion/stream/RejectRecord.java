package cn.timebank.ingestion.stream;

import cn.timebank.ingestion.receipt.ReceiptLine;
import cn.timebank.standards.codes.ResultCode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A rejected event on {@link Topics#REJECTS}: which event (absent parts are {@code null}: a
 * malformed event may have no id or bank), its one code (the lowest that applies, as in a receipt),
 * the field, a bilingual message and the event's fields as read, with {@code id_number} masked
 * ({@link Echo}) — never the raw number.
 */
public record RejectRecord(
    @Nullable String eventId,
    String topic,
    @Nullable String bankCode,
    @Nullable String ref,
    String code,
    String field,
    String message,
    Map<String, String> event)
    implements StreamOutput {

  public RejectRecord {
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(message, "message");
    event = new LinkedHashMap<>(event);
  }

  static RejectRecord of(
      @Nullable String eventId,
      EventTopic topic,
      @Nullable String bankCode,
      @Nullable String ref,
      ResultCode code,
      String field,
      String detail,
      Map<String, String> echo) {
    return new RejectRecord(
        eventId,
        topic.topic(),
        bankCode,
        ref,
        code.name(),
        field,
        ReceiptLine.message(code, field, detail),
        echo);
  }
}
