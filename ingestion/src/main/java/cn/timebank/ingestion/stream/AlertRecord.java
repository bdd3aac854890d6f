package cn.timebank.ingestion.stream;

import cn.timebank.standards.codes.ResultCode;
import cn.timebank.standards.model.BankCode;
import java.util.Objects;

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

  static AlertRecord of(String eventId, BankCode bank, String ref, ResultCode code) {
    return new AlertRecord(eventId, bank.value(), ref, code.name(), code.bilingual());
  }
}
