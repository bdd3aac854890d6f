package cn.timebank.ledger.store;

import cn.timebank.ledger.entry.AccountKind;
import cn.timebank.ledger.entry.Line;
import cn.timebank.standards.minutes.StandardMinutes;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The index of the record engine's postings ({@code engine_postings}): which record each posting
 * belongs to and where it stands in time order. The lines themselves are the ledger's entries of
 * the same idempotency key, written by {@link cn.timebank.ledger.entry.LedgerWriter} in the same
 * transaction.
 */
public final class PostingIndex {

  private static final String COLUMNS =
      "idempotency_key, bank_code, source_kind, source_ref, source_id, posting_kind, posting_no,"
          + " pos_at, pos_kind, pos_ref";
  private static final int KEYS_PER_QUERY = 500;

  private static final String INSERT =
      "insert into engine_postings (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  private final JdbcClient jdbc;
  private final @Nullable JdbcOperations batch;
  private final Inserts inserts;

  public PostingIndex(JdbcClient jdbc) {
    this.jdbc = jdbc;
    this.batch = null;
    this.inserts = new Inserts(jdbc, null, "engine_postings", COLUMNS);
  }

  /** An index whose {@link #addAll} writes one JDBC batch. */
  public PostingIndex(JdbcTemplate template) {
    this.jdbc = JdbcClient.create(template);
    this.batch = template;
    this.inserts = new Inserts(this.jdbc, template, "engine_postings", COLUMNS);
  }

  /** Indexes a posting whose lines were just posted (its lines are not stored here). */
  public void add(IndexedPosting posting) {
    jdbc.sql(INSERT).params(values(posting)).update();
  }

  /** Indexes postings whose lines were just posted. */
  public void addAll(List<IndexedPosting> postings) {
    inserts.all(postings.stream().map(PostingIndex::values).toList());
  }

  private static Object[] values(IndexedPosting posting) {
    return new Object[] {
      posting.idempotencyKey(),
      posting.source().bank(),
      posting.source().kind(),
      posting.source().ref(),
      posting.sourceId(),
      posting.postingKind(),
      posting.postingNo(),
      posting.position().at(),
      posting.position().kind(),
      posting.position().ref()
    };
  }

  /**
   * The postings of one bank's records of one kind with these refs, each record's in the order they
   * were made, with their lines (the records without postings are not in the map).
   */
  public Map<RecordKey, List<IndexedPosting>> ofSources(
      String bank, String kind, Collection<String> refs) {
    List<IndexedPosting> headers = new ArrayList<>();
    for (List<String> slice : Sql.slices(refs)) {
      headers.addAll(
          jdbc.sql(
                  "select "
                      + COLUMNS
                      + " from engine_postings where bank_code = :bank and source_kind = :kind"
                      + " and source_ref in (:refs)")
              .param("bank", bank)
              .param("kind", kind)
              .param("refs", slice)
              .query(PostingIndex::header)
              .list());
    }
    Map<RecordKey, List<IndexedPosting>> bySource = new LinkedHashMap<>();
    for (IndexedPosting posting : withLines(headers)) {
      bySource.computeIfAbsent(posting.source(), k -> new ArrayList<>()).add(posting);
    }
    bySource
        .values()
        .forEach(list -> list.sort(Comparator.comparingInt(IndexedPosting::postingNo)));
    return bySource;
  }

  /**
   * {@link #amountsByPosition} of several participants' accounts of one bank at once, by
   * participant ref (the refs without lines are not in the map).
   */
  public Map<String, List<PositionAmount>> participantAmountsByPosition(
      String bank, Collection<String> participantRefs) {
    Map<String, List<PositionAmount>> byRef = new LinkedHashMap<>();
    for (List<String> slice : Sql.slices(participantRefs)) {
      jdbc.sql(
              "select e.participant_ref, p.pos_at, p.pos_kind, p.pos_ref,"
                  + " sum(e.amount_minutes) as minutes"
                  + " from ledger_entries e join engine_postings p"
                  + " on p.idempotency_key = e.idempotency_key"
                  + " where e.bank_code = :bank and e.account_kind = 'PARTICIPANT'"
                  + " and e.participant_ref in (:refs)"
                  + " group by e.participant_ref, p.pos_at, p.pos_kind, p.pos_ref")
          .param("bank", bank)
          .param("refs", slice)
          .query(
              rs -> {
                byRef
                    .computeIfAbsent(rs.getString("participant_ref"), r -> new ArrayList<>())
                    .add(
                        new PositionAmount(
                            new Position(
                                Sql.requiredTime(rs, "pos_at"),
                                rs.getString("pos_kind"),
                                rs.getString("pos_ref")),
                            rs.getLong("minutes")));
              });
    }
    return byRef;
  }

  public boolean contains(String idempotencyKey) {
    return jdbc.sql("select count(*) from engine_postings where idempotency_key = ?")
            .param(idempotencyKey)
            .query(Long.class)
            .single()
        > 0;
  }

  /** The postings of one record, in the order they were made, with their lines. */
  public List<IndexedPosting> ofSource(RecordKey source) {
    List<IndexedPosting> headers =
        jdbc.sql(
                "select "
                    + COLUMNS
                    + " from engine_postings where bank_code = ? and source_kind = ?"
                    + " and source_ref = ? order by posting_no")
            .params(source.bank(), source.kind(), source.ref())
            .query(PostingIndex::header)
            .list();
    return withLines(headers);
  }

  /** Every posting, per bank in chain order (tests, reports). */
  public List<IndexedPosting> all() {
    List<IndexedPosting> headers =
        jdbc.sql(
                "select p.idempotency_key, p.bank_code, p.source_kind, p.source_ref, p.source_id,"
                    + " p.posting_kind, p.posting_no, p.pos_at, p.pos_kind, p.pos_ref"
                    + " from engine_postings p join ledger_entries e"
                    + " on e.idempotency_key = p.idempotency_key and e.line_no = 1"
                    + " order by e.bank_code, e.chain_seq")
            .query(PostingIndex::header)
            .list();
    return withLines(headers);
  }

  /**
   * The sums of one account's lines per position in time order, in no particular order: {@code
   * participantRef} null for the bank's own accounts.
   */
  public List<PositionAmount> amountsByPosition(
      String bank, AccountKind kind, @Nullable String participantRef) {
    String refCondition =
        participantRef == null ? "e.participant_ref is null" : "e.participant_ref = :ref";
    JdbcClient.StatementSpec statement =
        jdbc.sql(
                "select p.pos_at, p.pos_kind, p.pos_ref, sum(e.amount_minutes) as minutes"
                    + " from ledger_entries e join engine_postings p"
                    + " on p.idempotency_key = e.idempotency_key"
                    + " where e.bank_code = :bank and e.account_kind = :kind and "
                    + refCondition
                    + " group by p.pos_at, p.pos_kind, p.pos_ref")
            .param("bank", bank)
            .param("kind", kind.name());
    if (participantRef != null) {
      statement = statement.param("ref", participantRef);
    }
    return statement
        .query(
            (rs, n) ->
                new PositionAmount(
                    new Position(
                        Sql.requiredTime(rs, "pos_at"),
                        rs.getString("pos_kind"),
                        rs.getString("pos_ref")),
                    rs.getLong("minutes")))
        .list();
  }

  private List<IndexedPosting> withLines(List<IndexedPosting> headers) {
    Map<String, List<Line>> lines = new LinkedHashMap<>();
    for (int from = 0; from < headers.size(); from += KEYS_PER_QUERY) {
      List<String> keys =
          headers.subList(from, Math.min(headers.size(), from + KEYS_PER_QUERY)).stream()
              .map(IndexedPosting::idempotencyKey)
              .toList();
      jdbc.sql(
              "select idempotency_key, account_kind, participant_ref, amount_minutes"
                  + " from ledger_entries where idempotency_key in (:keys)"
                  + " order by idempotency_key, line_no")
          .param("keys", keys)
          .query(
              rs -> {
                lines
                    .computeIfAbsent(rs.getString("idempotency_key"), k -> new ArrayList<>())
                    .add(
                        new Line(
                            AccountKind.valueOf(rs.getString("account_kind")),
                            rs.getString("participant_ref"),
                            StandardMinutes.of(rs.getLong("amount_minutes"))));
              });
    }
    return headers.stream()
        .map(
            h ->
                new IndexedPosting(
                    h.idempotencyKey(),
                    h.source(),
                    h.sourceId(),
                    h.postingKind(),
                    h.postingNo(),
                    h.position(),
                    lines.getOrDefault(h.idempotencyKey(), List.of())))
        .toList();
  }

  private static IndexedPosting header(ResultSet rs, int n) throws SQLException {
    return new IndexedPosting(
        rs.getString("idempotency_key"),
        new RecordKey(
            rs.getString("bank_code"), rs.getString("source_kind"), rs.getString("source_ref")),
        rs.getString("source_id"),
        rs.getString("posting_kind"),
        rs.getInt("posting_no"),
        new Position(
            Sql.requiredTime(rs, "pos_at"), rs.getString("pos_kind"), rs.getString("pos_ref")),
        List.of());
  }
}
