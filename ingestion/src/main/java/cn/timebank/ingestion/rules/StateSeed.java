package cn.timebank.ingestion.rules;

import cn.timebank.standards.model.BankCode;
import cn.timebank.standards.model.Participant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What a {@link LedgerState} kept elsewhere must take in of the ledger of record, so that its
 * engine answers as the batch's does: the stream topology's stores take in what the database holds
 * (the packages' participants, daily-cap rows, used refs, transfer items, postings and first
 * packages). Each part is {@link Effects} that <em>set</em> what they name to the database's state:
 * applied twice, or over a state that already holds some of it, they change nothing more (rows are
 * replaced, postings are added only under idempotency keys the state does not hold).
 */
public interface StateSeed {

  /** No ledger of record: the state starts from what it sees itself. */
  StateSeed NONE =
      new StateSeed() {
        @Override
        public List<String> packages() {
          return List.of();
        }

        @Override
        public void everything(Consumer<Effects> parts) {}

        @Override
        public void ofPackage(String packageId, Consumer<Effects> parts) {}
      };

  /**
   * The packages whose effects the ledger of record holds (their receipts are stored), in the order
   * they arrived.
   */
  List<String> packages();

  /** Everything the ledger of record holds, in parts (so that no part holds all of it at once). */
  void everything(Consumer<Effects> parts);

  /**
   * What one package touched (its participants, its records, the records it adjusted, reversed,
   * matched or superseded), in parts.
   */
  void ofPackage(String packageId, Consumer<Effects> parts);

  /**
   * The live events the ledger of record applied (accepted or confirmed; not the rejected ones,
   * which may be sent again), in parts: a state that takes them in knows a re-sent event id as a
   * re-send and the same id for another record as R118, as the state that judged them did. None by
   * default.
   */
  default void appliedEvents(Consumer<List<AppliedEvent>> parts) {}

  /**
   * A live event the ledger of record applied.
   *
   * @param topic its input topic ({@code tb.services.v1}, …)
   * @param ref the ref of its record
   */
  record AppliedEvent(BankCode bank, String eventId, String topic, String ref) {}

  /**
   * One record as the ledger of record holds it.
   *
   * @param credited its daily-cap row, if it has one
   * @param used its used ref, if it has one
   * @param transfer its transfer item, if it has one
   * @param postings every posting made for it, in order
   */
  record RecordState(
      RecordId id,
      Optional<CreditedService> credited,
      Optional<UsedRef> used,
      Optional<TransferItem> transfer,
      List<Posting> postings) {

    public RecordState {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(credited, "credited");
      Objects.requireNonNull(used, "used");
      Objects.requireNonNull(transfer, "transfer");
      postings = List.copyOf(postings);
    }
  }

  /**
   * The effects that make a state hold these participants and records as given: a record's row that
   * the state holds and the given record has not is removed (removals come before upserts in {@link
   * LedgerState#apply}); its postings are added where the state lacks them.
   */
  static Effects setting(
      List<Participant> participants,
      List<RecordState> records,
      Optional<FirstPackage> firstPackage) {
    List<RecordId> ids = new ArrayList<>(records.size());
    List<CreditedService> credited = new ArrayList<>();
    List<UsedRef> used = new ArrayList<>();
    List<TransferItem> transfers = new ArrayList<>();
    List<Posting> postings = new ArrayList<>();
    for (RecordState record : records) {
      ids.add(record.id());
      record.credited().ifPresent(credited::add);
      record.used().ifPresent(used::add);
      record.transfer().ifPresent(transfers::add);
      postings.addAll(record.postings());
    }
    return new Effects(
        participants, postings, credited, ids, used, ids, transfers, ids, firstPackage);
  }
}
