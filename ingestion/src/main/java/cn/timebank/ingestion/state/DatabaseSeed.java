package cn.timebank.ingestion.state;

import cn.timebank.ingestion.rules.Effects;
import cn.timebank.ingestion.rules.FirstPackage;
import cn.timebank.ingestion.rules.Posting;
import cn.timebank.ingestion.rules.RecordId;
import cn.timebank.ingestion.rules.RecordKind;
import cn.timebank.ingestion.rules.StateSeed;
import cn.timebank.ledger.store.CreditRow;
import cn.timebank.ledger.store.CreditStore;
import cn.timebank.ledger.store.FirstPackageStore;
import cn.timebank.ledger.store.IndexedPosting;
import cn.timebank.ledger.store.ParticipantStore;
import cn.timebank.ledger.store.PostingIndex;
import cn.timebank.ledger.store.RecordKey;
import cn.timebank.ledger.store.TouchedRecords;
import cn.timebank.ledger.store.TransferRow;
import cn.timebank.ledger.store.TransferStore;
import cn.timebank.ledger.store.UsedRefRow;
import cn.timebank.ledger.store.UsedRefStore;
import cn.timebank.standards.model.BankCode;
import cn.timebank.standards.model.Period;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The {@link StateSeed} of the database: what the batch (and the database sink) stored, read back
 * as the effects that set a stream state to it. Reads in slices of {@link #SLICE} records per
 * query, never a whole bank's rows at once.
 *
 * <p>What a package touched: the participants whose current version it wrote ({@code
 * participants.source_id}) and every record its effects changed ({@code touched_records}, written
 * by the batch with the effects: its own records, the records it adjusted, reversed, matched, gave
 * back or superseded, in any bank and from any channel). Every package with a stored receipt is
 * read, a rejected one too: a correction whose every record was refused by the engine has already
 * superseded its month.
 */
public final class DatabaseSeed implements StateSeed {

  /** Records per part and per query. */
  static final int SLICE = 500;

  private final JdbcClient jdbc;
  private final ParticipantStore participants;
  private final CreditStore credits;
  private final UsedRefStore used;
  private final TransferStore transfers;
  private final PostingIndex postings;
  private final TouchedRecords touched;
  private final FirstPackageStore firstPackages;

  public DatabaseSeed(DataSource dataSource) {
    JdbcTemplate template = new JdbcTemplate(dataSource);
    this.jdbc = JdbcClient.create(template);
    this.participants = new ParticipantStore(template);
    this.credits = new CreditStore(template);
    this.used = new UsedRefStore(template);
    this.transfers = new TransferStore(template);
    this.postings = new PostingIndex(template);
    this.touched = new TouchedRecords(template);
    this.firstPackages = new FirstPackageStore(jdbc);
  }

  @Override
  public List<String> packages() {
    return jdbc.sql(
            "select package_id from packages where bank_code is not null"
                + " order by received_at, package_id")
        .query(String.class)
        .list();
  }

  @Override
  public void everything(Consumer<Effects> parts) {
    for (String code :
        jdbc.sql("select bank_code from banks order by bank_code").query(String.class).list()) {
      BankCode bank = BankCode.of(code);
      List<String> refs =
          jdbc.sql(
                  "select participant_ref from participants where bank_code = ?"
                      + " order by participant_ref")
              .param(code)
              .query(String.class)
              .list();
      participantParts(bank, refs, parts);
      Map<RecordKind, Set<String>> records = new TreeMap<>();
      records.put(
          RecordKind.SERVICE,
          refs(
              "select service_ref from credited_services where bank_code = ?"
                  + " union select record_ref from used_refs where bank_code = ?"
                  + " and record_kind = 'SERVICE'"
                  + " union select source_ref from engine_postings where bank_code = ?"
                  + " and source_kind = 'SERVICE'",
              code));
      records.put(
          RecordKind.TRANSACTION,
          refs(
              "select txn_ref from transfer_items where bank_code = ?"
                  + " union select record_ref from used_refs where bank_code = ?"
                  + " and record_kind = 'TRANSACTION'"
                  + " union select source_ref from engine_postings where bank_code = ?"
                  + " and source_kind = 'TRANSACTION'",
              code));
      records.forEach((kind, kindRefs) -> recordParts(bank, kind, kindRefs, parts));
      parts.accept(StateSeed.setting(List.of(), List.of(), firstPackage(bank)));
    }
  }

  @Override
  public void ofPackage(String packageId, Consumer<Effects> parts) {
    Optional<String> row =
        jdbc.sql("select bank_code from packages where package_id = ? and bank_code is not null")
            .param(packageId)
            .query(String.class)
            .optional();
    if (row.isEmpty()) {
      return;
    }
    BankCode bank = BankCode.of(row.get());
    List<String> participantRefs =
        jdbc.sql("select participant_ref from participants where bank_code = ? and source_id = ?")
            .params(bank.value(), packageId)
            .query(String.class)
            .list();
    participantParts(bank, participantRefs, parts);
    Map<String, Map<RecordKind, Set<String>>> byBank = new TreeMap<>();
    touched
        .ofSource(packageId)
        .forEach(
            key ->
                byBank
                    .computeIfAbsent(key.bank(), b -> new TreeMap<>())
                    .computeIfAbsent(RecordKind.valueOf(key.kind()), k -> new TreeSet<>())
                    .add(key.ref()));
    byBank.forEach(
        (code, kinds) ->
            kinds.forEach((kind, refs) -> recordParts(BankCode.of(code), kind, refs, parts)));
    parts.accept(StateSeed.setting(List.of(), List.of(), firstPackage(bank)));
  }

  /** The bank's participants of these refs as they are now, {@link #SLICE} a part. */
  private void participantParts(BankCode bank, List<String> refs, Consumer<Effects> parts) {
    for (int from = 0; from < refs.size(); from += SLICE) {
      List<String> slice = refs.subList(from, Math.min(refs.size(), from + SLICE));
      parts.accept(
          StateSeed.setting(participants.findAll(bank, slice), List.of(), Optional.empty()));
    }
  }

  private Set<String> refs(String sql, String bank) {
    return new TreeSet<>(jdbc.sql(sql).params(bank, bank, bank).query(String.class).list());
  }

  private void recordParts(
      BankCode bank, RecordKind kind, Set<String> refs, Consumer<Effects> parts) {
    List<String> all = new ArrayList<>(refs);
    for (int from = 0; from < all.size(); from += SLICE) {
      parts.accept(
          StateSeed.setting(
              List.of(),
              recordStates(bank, kind, all.subList(from, Math.min(all.size(), from + SLICE))),
              Optional.empty()));
    }
  }

  /** The records of one bank and kind as the database holds them (the absent ones: empty). */
  private List<StateSeed.RecordState> recordStates(
      BankCode bank, RecordKind kind, java.util.Collection<String> refs) {
    String code = bank.value();
    Map<String, CreditRow> credited = new HashMap<>();
    Map<String, TransferRow> transferred = new HashMap<>();
    if (kind == RecordKind.SERVICE) {
      credits.findAll(code, refs).forEach(r -> credited.put(r.serviceRef(), r));
    } else {
      transfers.findAll(code, refs).forEach(r -> transferred.put(r.txnRef(), r));
    }
    Map<String, UsedRefRow> usedRefs = new HashMap<>();
    used.findAll(code, kind.name(), refs).forEach(r -> usedRefs.put(r.id().ref(), r));
    Map<RecordKey, List<IndexedPosting>> posted = postings.ofSources(code, kind.name(), refs);
    List<StateSeed.RecordState> states = new ArrayList<>(refs.size());
    for (String ref : refs) {
      RecordId id = new RecordId(bank, kind, ref);
      List<Posting> made =
          posted.getOrDefault(StateRows.key(id), List.of()).stream()
              .map(StateRows::engine)
              .toList();
      states.add(
          new StateSeed.RecordState(
              id,
              Optional.ofNullable(credited.get(ref)).map(StateRows::credited),
              Optional.ofNullable(usedRefs.get(ref)).map(StateRows::used),
              Optional.ofNullable(transferred.get(ref)).map(StateRows::transfer),
              made));
    }
    return states;
  }

  /** The bank's first accepted package (R119), as {@link JdbcLedgerState} reads it. */
  private Optional<FirstPackage> firstPackage(BankCode bank) {
    return firstPackages
        .find(bank.value())
        .map(row -> new FirstPackage(bank, Period.parse(row.month()), row.packageId()));
  }
}
