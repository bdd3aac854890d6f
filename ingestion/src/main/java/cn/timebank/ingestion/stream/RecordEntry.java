package cn.timebank.ingestion.stream;

import cn.timebank.ingestion.rules.CreditedService;
import cn.timebank.ingestion.rules.Posting;
import cn.timebank.ingestion.rules.TransferItem;
import cn.timebank.ingestion.rules.UsedRef;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the ledger state holds for one record (a service or a transaction, by {@link
 * StoreKeys#record}) in one value of {@link LedgerStores#RECORDS}: its postings, its daily-cap row,
 * its used ref and its transfer item. One event's effects on one record are one store write and one
 * changelog record, where four stores took up to four.
 *
 * @param postings the record's postings, in order (empty: none)
 * @param credited its daily-cap row, if any
 * @param used its used ref, if any
 * @param transfer its transfer item, if any
 */
record RecordEntry(
    List<Posting> postings,
    @Nullable CreditedService credited,
    @Nullable UsedRef used,
    @Nullable TransferItem transfer) {

  static final RecordEntry EMPTY = new RecordEntry(List.of(), null, null, null);

  RecordEntry {
    postings = List.copyOf(postings);
  }

  boolean isEmpty() {
    return postings.isEmpty() && credited == null && used == null && transfer == null;
  }

  RecordEntry withPostings(List<Posting> postings) {
    return new RecordEntry(postings, credited, used, transfer);
  }

  RecordEntry withCredited(@Nullable CreditedService credited) {
    return new RecordEntry(postings, credited, used, transfer);
  }

  RecordEntry withUsed(@Nullable UsedRef used) {
    return new RecordEntry(postings, credited, used, transfer);
  }

  RecordEntry withTransfer(@Nullable TransferItem transfer) {
    return new RecordEntry(postings, credited, used, transfer);
  }
}
