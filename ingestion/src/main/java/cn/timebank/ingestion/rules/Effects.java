package cn.timebank.ingestion.rules;

import cn.timebank.standards.model.Participant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one engine call changes, as values: {@link LedgerState#apply} stores them. Removals ({@code
 * uncredited}, {@code released}, {@code transfersRemoved}) are applied before the upserts of the
 * same kind; postings are appended, never changed.
 *
 * @param participants new participant versions (the latest wins)
 * @param postings the postings, in order
 * @param credited daily-cap rows to insert or replace
 * @param uncredited daily-cap rows to remove (a superseded service)
 * @param used refs to insert or replace
 * @param released refs freed by a correction
 * @param transfers transfer items to insert or replace
 * @param transfersRemoved transfer items removed by a correction
 * @param firstPackage the bank's first accepted package, when this call makes it so
 */
public record Effects(
    List<Participant> participants,
    List<Posting> postings,
    List<CreditedService> credited,
    List<RecordId> uncredited,
    List<UsedRef> used,
    List<RecordId> released,
    List<TransferItem> transfers,
    List<RecordId> transfersRemoved,
    Optional<FirstPackage> firstPackage) {

  public static final Effects NONE =
      new Effects(
          List.of(),
          List.of(),
          List.of(),
          List.of(),
          List.of(),
          List.of(),
          List.of(),
          List.of(),
          Optional.empty());

  /**
   * Every record these effects change: the records of the postings, and of the cap rows, used refs
   * and transfer items they set or remove.
   */
  public java.util.Set<RecordId> touchedRecords() {
    java.util.Set<RecordId> ids = new java.util.LinkedHashSet<>();
    postings.forEach(p -> ids.add(p.source()));
    credited.forEach(row -> ids.add(row.id()));
    ids.addAll(uncredited);
    used.forEach(ref -> ids.add(ref.id()));
    ids.addAll(released);
    transfers.forEach(item -> ids.add(item.id()));
    ids.addAll(transfersRemoved);
    return ids;
  }

  public Effects {
    participants = List.copyOf(participants);
    postings = List.copyOf(postings);
    credited = List.copyOf(credited);
    uncredited = List.copyOf(uncredited);
    used = List.copyOf(used);
    released = List.copyOf(released);
    transfers = List.copyOf(transfers);
    transfersRemoved = List.copyOf(transfersRemoved);
    Objects.requireNonNull(firstPackage, "firstPackage");
  }
}
