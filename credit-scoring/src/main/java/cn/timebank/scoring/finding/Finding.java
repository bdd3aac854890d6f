package cn.timebank.scoring.finding;

import cn.timebank.scoring.shared.ParticipantId;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * One anomaly: its code, the bank it is reported under (the lowest bank code of its records when it
 * spans banks), the participants and records it names (sorted, no duplicates) and a detail.
 */
public record Finding(
    FindingCode code,
    String bank,
    List<ParticipantId> participants,
    List<RecordRef> records,
    String detail) {

  /** Findings are stored and listed in this order: code, bank, records, participants. */
  public static final Comparator<Finding> ORDER =
      Comparator.comparing(Finding::code)
          .thenComparing(Finding::bank)
          .thenComparing(f -> f.records().toString())
          .thenComparing(f -> f.participants().toString());

  public Finding {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(bank, "bank");
    Objects.requireNonNull(detail, "detail");
    participants = List.copyOf(new TreeSet<>(participants));
    records = List.copyOf(new TreeSet<>(records));
    if (records.isEmpty()) {
      throw new IllegalArgumentException(code + ": a finding names at least one record");
    }
    if (detail.length() > 500) {
      detail = detail.substring(0, 497) + "...";
    }
  }

  /** Reported under the lowest bank of its records. */
  public static Finding of(
      FindingCode code, List<ParticipantId> participants, List<RecordRef> records, String detail) {
    String bank = new TreeSet<>(records).first().bank();
    return new Finding(code, bank, participants, records, detail);
  }

  public boolean names(String bankCode) {
    return bank.equals(bankCode) || records.stream().anyMatch(r -> r.bank().equals(bankCode));
  }
}
