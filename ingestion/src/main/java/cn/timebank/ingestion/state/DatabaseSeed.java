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
import cn.timebank.ledger.store.KeysetPages;
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
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The {@link StateSeed} of the database: what the batch (and the database sink) stored, read back
 * as the effects that set a stream state to it. Reads a page of at most {@link #SLICE} records per
 * query, by keyset ({@link KeysetPages}): the memory a read needs does not grow with the bank or
 * the package.
 *
 * <p>Everything: each bank's participants, then its records of each kind, found in the tables that
 * hold them (used refs, then the daily-cap rows or the transfer items, then the postings' sources);
 * a record goes in the part of the first of those tables that holds it, so each is read once.
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
  private final int slice;
  private final ParticipantStore participants;
  private final CreditStore credits;
  private final UsedRefStore used;
  private final TransferStore transfers;
  private final PostingIndex postings;
  private final TouchedRecords touched;
  private final FirstPackageStore firstPackages;

  public DatabaseSeed(DataSource dataSource) {
    this(dataSource, SLICE);
  }

  /** A seed that reads {@code slice} records per part (tests cross the pages with a small one). */
  public DatabaseSeed(DataSource dataSource, int slice) {
    JdbcTemplate template = new JdbcTemplate(dataSource);
    this.jdbc = JdbcClient.create(template);
    this.slice = slice;
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

  /** A table that holds records of a kind: the query of their refs in a bank, and its column. */
  private record Holder(String select, String column) {}

  /**
   * Where each kind's records are found, in order; each query leaves out the refs an earlier one
   * gives (a record is read once, from the first of these that holds it: {@link #firstHolder}).
   */
  private static final Map<RecordKind, List<Holder>> HOLDERS =
      Map.of(
          RecordKind.SERVICE, holders("SERVICE", "credited_services", "service_ref"),
          RecordKind.TRANSACTION, holders("TRANSACTION", "transfer_items", "txn_ref"));

  /**
   * A kind's holders: its used refs; its own table ({@code table}, refs in {@code ref}: the
   * daily-cap rows or the transfer items) less those; the postings' sources less both.
   */
  private static List<Holder> holders(String kind, String table, String ref) {
    String noUsedRef =
        "not exists (select 1 from used_refs u where u.bank_code = %s.bank_code"
            + " and u.record_kind = '"
            + kind
            + "' and u.record_ref = %s)";
    return List.of(
        new Holder(
            "select record_ref from used_refs where bank_code = ? and record_kind = '" + kind + "'",
            "record_ref"),
        new Holder(
            "select "
                + ref
                + " from "
                + table
                + " o where bank_code = ? and "
                + noUsedRef.formatted("o", "o." + ref),
            ref),
        new Holder(
            "select distinct source_ref from engine_postings p where bank_code = ?"
                + " and source_kind = '"
                + kind
                + "' and "
                + noUsedRef.formatted("p", "p.source_ref")
                + " and not exists (select 1 from "
                + table
                + " o where o.bank_code = p.bank_code and o."
                + ref
                + " = p.source_ref)",
            "source_ref"));
  }

  @Override
  public void everything(Consumer<Effects> parts) {
    for (String code : banks()) {
      BankCode bank = BankCode.of(code);
      KeysetPages.forEach(
          jdbc,
          "select participant_ref from participants where bank_code = ?",
          "participant_ref",
          List.of(code),
          slice,
          refs -> parts.accept(participantPart(bank, refs)));
      for (RecordKind kind : RecordKind.values()) {
        List<Holder> holders = HOLDERS.get(kind);
        for (int holder = 0; holder < holders.size(); holder++) {
          int thisOne = holder;
          KeysetPages.forEach(
              jdbc,
              holders.get(holder).select(),
              holders.get(holder).column(),
              List.of(code),
              slice,
              refs -> {
                List<StateSeed.RecordState> states =
                    recordStates(bank, kind, refs).stream()
                        .filter(state -> firstHolder(state) == thisOne)
                        .toList();
                if (!states.isEmpty()) {
                  parts.accept(StateSeed.setting(List.of(), states, Optional.empty()));
                }
              });
        }
      }
      parts.accept(StateSeed.setting(List.of(), List.of(), firstPackage(bank)));
    }
  }

  /**
   * The first of {@link #HOLDERS} that holds the record; -1 if none does any longer (it was read by
   * none of them, or a package changed it since, which is taken in after the load).
   */
  private static int firstHolder(StateSeed.RecordState state) {
    if (state.used().isPresent()) {
      return 0;
    }
    if (state.credited().isPresent() || state.transfer().isPresent()) {
      return 1;
    }
    return state.postings().isEmpty() ? -1 : 2;
  }

  @Override
  public void ofPackage(String packageId, Consumer<Effects> parts) {
    Optional<String> row =
        jdbc.sql("select bank_code from packages where package_id = ? and bank_code is not null")
            .param(packageId)
            .query(String.class)
            .optional();
    if (row.isEmpty()) {
      // no receipt yet: a run that stopped before its end — what its chunks committed
      row =
          jdbc.sql("select bank_code from package_runs where package_id = ?")
              .param(packageId)
              .query(String.class)
              .optional();
    }
    if (row.isEmpty()) {
      return;
    }
    BankCode bank = BankCode.of(row.get());
    KeysetPages.forEach(
        jdbc,
        "select participant_ref from participants where source_id = ? and bank_code = ?",
        "participant_ref",
        List.of(packageId, bank.value()),
        slice,
        refs -> parts.accept(participantPart(bank, refs)));
    touched.ofSource(
        packageId,
        slice,
        page ->
            parts.accept(
                StateSeed.setting(
                    List.of(),
                    recordStates(
                        BankCode.of(page.bank()), RecordKind.valueOf(page.kind()), page.refs()),
                    Optional.empty())));
    parts.accept(StateSeed.setting(List.of(), List.of(), firstPackage(bank)));
  }

  @Override
  public void appliedEvents(Consumer<List<StateSeed.AppliedEvent>> parts) {
    for (String code : banks()) {
      BankCode bank = BankCode.of(code);
      KeysetPages.forEach(
          jdbc,
          "select event_id, topic_name, record_ref from stream_events"
              + " where bank_code = ? and outcome in ('ACCEPTED', 'CONFIRMED')",
          "event_id",
          List.of(code),
          slice,
          (rs, n) ->
              new StateSeed.AppliedEvent(bank, rs.getString(1), rs.getString(2), rs.getString(3)),
          StateSeed.AppliedEvent::eventId,
          parts);
    }
  }

  private List<String> banks() {
    return jdbc.sql("select bank_code from banks order by bank_code").query(String.class).list();
  }

  /** The bank's participants of these refs as they are now. */
  private Effects participantPart(BankCode bank, List<String> refs) {
    return StateSeed.setting(participants.findAll(bank, refs), List.of(), Optional.empty());
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
