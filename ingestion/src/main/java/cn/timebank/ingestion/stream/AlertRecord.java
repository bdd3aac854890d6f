package cn.timebank.ingestion.stream;

import cn.timebank.standards.codes.ResultCode;
import cn.timebank.standards.model.BankCode;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** One warning (W code) of an accepted event on {@link Topics#ALERTS}, as it happens. */
public record AlertRecord(String eventId, String bankCode, String ref, String code, String message)
    implements StreamOutput {

  public AlertRecord {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(bankCode, "bankCode");
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
  }

  /** The code's bilingual text, then what it is about when the engine said ({@code note}). */
  static AlertRecord of(
      String eventId, BankCode bank, String ref, ResultCode code, @Nullable String note) {
    return new AlertRecord(
        eventId,
        bank.value(),
        ref,
        code.name(),
        note == null ? code.bilingual() : code.bilingual() + ": " + note);
  }
}
