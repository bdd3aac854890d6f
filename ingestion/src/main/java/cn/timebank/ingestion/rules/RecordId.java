package cn.timebank.ingestion.rules;

import cn.timebank.standards.model.BankCode;
import java.util.Objects;

/** A record of a bank: its kind and its {@code service_ref} or {@code txn_ref}. */
public record RecordId(BankCode bank, RecordKind kind, String ref) {

  public RecordId {
    Objects.requireNonNull(bank, "bank");
    Objects.requireNonNull(kind, "kind");
    if (ref == null || ref.isBlank()) {
      throw new IllegalArgumentException("a record ref is not blank");
    }
  }

  public static RecordId service(BankCode bank, String ref) {
    return new RecordId(bank, RecordKind.SERVICE, ref);
  }

  public static RecordId transaction(BankCode bank, String ref) {
    return new RecordId(bank, RecordKind.TRANSACTION, ref);
  }

  @Override
  public String toString() {
    return bank + "/" + (kind == RecordKind.SERVICE ? "S" : "T") + "/" + ref;
  }
}
