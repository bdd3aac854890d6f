package cn.timebank.reporting.policy;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The hour liability of a region at period ends — Σ of the positive participant balances over the
 * entries posted before each end — kept per bank and end in {@code rp_liability_ends} (reporting's
 * {@code V400}) so that a report does not group every ledger entry of the region again.
 *
 * <p>A stored figure says which entries it has seen: the bank's highest {@code chain_seq} when it
 * was computed, read in the same statement as the sums. Appends to a bank's chain are serialised
 * (the writer locks its chain head) and entries are never changed or deleted, so the entries a
 * statement sees are exactly those up to that number. The figure is current as long as no
 * participant entry with a higher number was posted before the end — one index range over the
 * bank's newer entries ({@code ledger_entries_chain_uq}), empty when nothing has been posted since.
 * Entries are posted when they are written, so an end in the past stays current whatever arrives;
 * an end not yet reached is computed again after every posting before it.
 *
 * <p>{@link #at} reads the current figures and computes the missing or outdated ones in one pass
 * over the entries of the banks concerned only, then stores them (a figure stored meanwhile by
 * another report is as good: the duplicate is ignored).
 */
final class LiabilityEnds {

  /** The stored figures of the region at the ends, each with the bank's highest chain number. */
  private static final String STORED =
      "select r.bank_code, r.period_end, r.liability, r.chain_seq,"
          + " (select coalesce(max(l.chain_seq), 0) from ledger_entries l"
          + " where l.bank_code = r.bank_code) from rp_liability_ends r"
          + " join banks b on b.bank_code = r.bank_code and b.region_code like :prefix"
          + " where r.period_end in (:ends)";

  /** The earliest posting of the participant entries a figure has not seen (null: none). */
  private static final String NEWER =
      "select min(e.posted_at) from ledger_entries e where e.bank_code = ?"
          + " and e.chain_seq > ? and e.account_kind = 'PARTICIPANT'";

  private static final String BANKS = "select bank_code from banks where region_code like :prefix";

  /**
   * Per bank: the highest chain number it has, then per end ({@code :e0}, {@code :e1}, …) the sum
   * of the positive participant balances: per participant one conditional sum per end ({@code
   * %BALANCES%}), per bank and end the positive ones summed ({@code %TOTALS%}). The amounts are
   * summed as integers: a participant's entry stays within the storage cap (1,500 hours, spec §3),
   * far below 2^31 minutes — one that did not would fail the cast, not give a wrong sum — and a sum
   * of integers is a 64-bit number on every vendor, several times faster on PostgreSQL than a
   * numeric one.
   */
  private static final String COMPUTE =
      "select y.*, (select coalesce(max(l.chain_seq), 0) from ledger_entries l"
          + " where l.bank_code = y.bank_code) from (select k.bank_code, %TOTALS% from banks k"
          + " left join (select e.bank_code, e.participant_ref, %BALANCES% from ledger_entries e"
          + " where e.bank_code in (:banks) and e.account_kind = 'PARTICIPANT'"
          + " and e.posted_at < :last group by e.bank_code, e.participant_ref) x"
          + " on x.bank_code = k.bank_code where k.bank_code in (:banks) group by k.bank_code) y";

  /** Banks computed in one statement at most (Oracle's IN lists hold at most 1,000). */
  static final int BANKS_PER_PASS = 500;

  private final JdbcClient jdbc;

  LiabilityEnds(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * The liability of the region's banks at each end (UTC, ascending), summed over the banks.
   *
   * @param prefix the region-code prefix with its trailing {@code %}
   */
  long[] at(String prefix, List<LocalDateTime> ends) {
    record Stored(String bank, LocalDateTime end, long liability, long seen, long head) {}
    List<Stored> stored =
        jdbc.sql(STORED)
            .param("prefix", prefix)
            .param("ends", ends)
            .query(
                (rs, n) ->
                    new Stored(
                        rs.getString(1),
                        rs.getObject(2, LocalDateTime.class),
                        rs.getLong(3),
                        rs.getLong(4),
                        rs.getLong(5)))
            .list();
    Map<String, Map<LocalDateTime, Long>> figures = new HashMap<>();
    // where a bank's chain has grown since a figure was computed: when the entries it has not
    // seen begin (per bank and chain number seen)
    Map<String, Map<Long, Optional<LocalDateTime>>> newer = new HashMap<>();
    for (Stored r : stored) {
      if (r.head() > r.seen()) {
        Optional<LocalDateTime> since =
            newer
                .computeIfAbsent(r.bank(), k -> new HashMap<>())
                .computeIfAbsent(r.seen(), k -> firstNewer(r.bank(), k));
        if (since.isPresent() && since.get().isBefore(r.end())) {
          continue; // an entry it has not seen was posted before its end
        }
      }
      figures.computeIfAbsent(r.bank(), k -> new HashMap<>()).put(r.end(), r.liability());
    }
    Set<String> missing = new LinkedHashSet<>();
    for (String bank : jdbc.sql(BANKS).param("prefix", prefix).query(String.class).list()) {
      if (!figures.getOrDefault(bank, Map.of()).keySet().containsAll(ends)) {
        missing.add(bank);
      }
    }
    if (!missing.isEmpty()) {
      // banks in slices: Oracle allows at most 1,000 expressions in an IN list
      List<String> banks = List.copyOf(missing);
      for (int from = 0; from < banks.size(); from += BANKS_PER_PASS) {
        compute(banks.subList(from, Math.min(banks.size(), from + BANKS_PER_PASS)), ends, figures);
      }
    }
    long[] totals = new long[ends.size()];
    for (Map<LocalDateTime, Long> bank : figures.values()) {
      for (int n = 0; n < totals.length; n++) {
        totals[n] += bank.get(ends.get(n));
      }
    }
    return totals;
  }

  private Optional<LocalDateTime> firstNewer(String bank, long seen) {
    // one row (min of none is null)
    return Optional.ofNullable(
        jdbc.sql(NEWER)
            .params(bank, seen)
            .query((rs, n) -> rs.getObject(1, LocalDateTime.class))
            .list()
            .get(0));
  }

  /** Computes every end of the given banks in one pass over their entries and stores them. */
  private void compute(
      List<String> banks, List<LocalDateTime> ends, Map<String, Map<LocalDateTime, Long>> into) {
    StringBuilder balances = new StringBuilder();
    StringBuilder totals = new StringBuilder();
    for (int n = 0; n < ends.size(); n++) {
      String sep = n == 0 ? "" : ", ";
      balances.append(sep).append("sum(case when e.posted_at < :e").append(n);
      balances.append(" then cast(e.amount_minutes as integer) else 0 end) as b").append(n);
      totals.append(sep).append("coalesce(sum(case when x.b").append(n).append(" > 0 then x.b");
      totals.append(n).append(" else 0 end), 0) as t").append(n);
    }
    JdbcClient.StatementSpec spec =
        jdbc.sql(
                COMPUTE
                    .replace("%TOTALS%", totals.toString())
                    .replace("%BALANCES%", balances.toString()))
            .param("banks", banks)
            .param("last", ends.get(ends.size() - 1));
    for (int n = 0; n < ends.size(); n++) {
      spec = spec.param("e" + n, ends.get(n));
    }
    List<Object[]> rows = new ArrayList<>();
    spec.query(
        (RowCallbackHandler)
            rs -> {
              Map<LocalDateTime, Long> bank = new HashMap<>();
              long seq = rs.getLong(2 + ends.size());
              for (int n = 0; n < ends.size(); n++) {
                bank.put(ends.get(n), rs.getLong(2 + n));
                rows.add(new Object[] {rs.getString(1), ends.get(n), rs.getLong(2 + n), seq});
              }
              into.put(rs.getString(1), bank);
            });
    for (Object[] row : rows) {
      jdbc.sql("delete from rp_liability_ends where bank_code = ? and period_end = ?")
          .params(row[0], row[1])
          .update();
      try {
        jdbc.sql(
                "insert into rp_liability_ends (bank_code, period_end, liability, chain_seq,"
                    + " computed_at) values (?, ?, ?, ?, CURRENT_TIMESTAMP)")
            .params(row)
            .update();
      } catch (DataIntegrityViolationException stored) {
        // another report stored this (bank, end) between the delete and the insert
      }
    }
  }
}
