package cn.timebank.ingestion.stream;

import cn.timebank.ingestion.rules.Line;
import cn.timebank.ingestion.rules.Posting;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One posting on {@link Topics#LEDGER} (one record per posting, not per line: a posting's lines sum
 * to zero and belong together). Key: the posting's {@code bank_code}, which for a {@code
 * CAP_ADJUSTMENT} may differ from the bank of the event that caused it. The database sink writes it
 * idempotently by {@code idempotency_key} (unique for ever, {@code <bank>/<S|T>/<ref>/<n>}).
 *
 * @param eventId the event whose processing made the posting (the posting's source id)
 * @param positionAt where the posting counts in the time order of balances (Asia/Shanghai local)
 */
public record LedgerEntry(
    String eventId,
    String bankCode,
    String idempotencyKey,
    String kind,
    String sourceKind,
    String sourceRef,
    String positionAt,
    String positionKind,
    String positionRef,
    List<LedgerLine> lines)
    implements StreamOutput {

  public LedgerEntry {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    lines = List.copyOf(lines);
  }

  /** One line: a participant's account ({@code participant_ref} set) or the bank's own. */
  public record LedgerLine(String accountKind, @Nullable String participantRef, long minutes) {}

  static LedgerEntry of(Posting posting) {
    return new LedgerEntry(
        posting.sourceId(),
        posting.bankCode().value(),
        posting.idempotencyKey(),
        posting.kind().name(),
        posting.sourceKind().name(),
        posting.sourceRef(),
        posting.position().at().toString(),
        posting.position().kind().name(),
        posting.position().ref(),
        posting.lines().stream().map(LedgerEntry::line).toList());
  }

  private static LedgerLine line(Line line) {
    return new LedgerLine(
        line.account().kind().name(),
        line.account().participantRef().orElse(null),
        line.amount().value());
  }
}
