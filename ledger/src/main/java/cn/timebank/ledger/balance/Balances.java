package cn.timebank.ledger.balance;

import cn.timebank.ledger.entry.Account;
import cn.timebank.ledger.entry.AccountKind;
import cn.timebank.standards.minutes.StandardMinutes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Balances read from {@code ledger_entries}, summed by the database. A balance is the sum of an
 * account's signed amounts: positive = hours the account holds (spec §6).
 */
public final class Balances {

  private final JdbcClient jdbc;

  public Balances(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Every account of the bank with entries: participants by ref, then #CLEARING, #ISSUANCE, #POOL.
   */
  public List<AccountBalance> ofBank(String bankCode) {
    return jdbc.sql(
            """
            select account_kind, participant_ref, sum(amount_minutes) as balance
              from ledger_entries
             where bank_code = :bank
             group by account_kind, participant_ref
             order by case when account_kind = 'PARTICIPANT' then 0 else 1 end,
                   account_kind, participant_ref
            """)
        .param("bank", bankCode)
        .query(
            (rs, n) ->
                new AccountBalance(
                    new Account(
                        AccountKind.valueOf(rs.getString("account_kind")),
                        rs.getString("participant_ref")),
                    StandardMinutes.of(rs.getLong("balance"))))
        .list();
  }

  /**
   * The balances of several participants of one bank, by participant ref: what {@link
   * #ofParticipant} gives each (the refs without entries are not in the map: their balance is
   * zero).
   */
  public Map<String, StandardMinutes> ofParticipants(
      String bankCode, Collection<String> participantRefs) {
    Map<String, StandardMinutes> balances = new HashMap<>();
    List<String> refs = new ArrayList<>(participantRefs);
    for (int from = 0; from < refs.size(); from += 500) {
      jdbc.sql(
              "select participant_ref, sum(amount_minutes) as balance from ledger_entries"
                  + " where bank_code = :bank and account_kind = 'PARTICIPANT'"
                  + " and participant_ref in (:refs) group by participant_ref")
          .param("bank", bankCode)
          .param("refs", refs.subList(from, Math.min(refs.size(), from + 500)))
          .query(
              rs -> {
                balances.put(
                    rs.getString("participant_ref"), StandardMinutes.of(rs.getLong("balance")));
              });
    }
    return balances;
  }

  /**
   * The bank's ledger version: the sequence number of the last entry of its chain (0 before the
   * first). Every entry that changes one of the bank's balances advances it, so two equal readings
   * mean no entry of the bank was appended in between.
   */
  public long version(String bankCode) {
    return jdbc.sql("select last_seq from chain_heads where bank_code = :bank")
        .param("bank", bankCode)
        .query(Long.class)
        .optional()
        .orElse(0L);
  }

  /** One account's balance; zero when it has no entries. */
  public StandardMinutes of(String bankCode, Account account) {
    String sql =
        account.participantRef() == null
            ? """
              select coalesce(sum(amount_minutes), 0) from ledger_entries
               where bank_code = :bank and account_kind = :kind
              """
            : """
              select coalesce(sum(amount_minutes), 0) from ledger_entries
               where bank_code = :bank and account_kind = :kind and participant_ref = :ref
              """;
    JdbcClient.StatementSpec statement =
        jdbc.sql(sql).param("bank", bankCode).param("kind", account.kind().name());
    if (account.participantRef() != null) {
      statement = statement.param("ref", account.participantRef());
    }
    return StandardMinutes.of(statement.query(Long.class).single());
  }

  /** A participant's balance at the bank. */
  public StandardMinutes ofParticipant(String bankCode, String participantRef) {
    return of(bankCode, Account.participant(participantRef));
  }

  /** The bank's hour liability: the sum of its participants' positive balances. */
  public StandardMinutes liability(String bankCode) {
    return StandardMinutes.of(
        jdbc.sql(
                """
                select coalesce(sum(balance), 0)
                  from (select participant_ref, sum(amount_minutes) as balance
                          from ledger_entries
                         where bank_code = :bank and account_kind = 'PARTICIPANT'
                         group by participant_ref) participant_balances
                 where balance > 0
                """)
            .param("bank", bankCode)
            .query(Long.class)
            .single());
  }

  /** Each bank's sum of entries (zero when its ledger balances), by bank code. */
  public List<BankTotal> totals() {
    return jdbc.sql(
            """
            select bank_code, sum(amount_minutes) as total, count(*) as entries
              from ledger_entries
             group by bank_code
             order by bank_code
            """)
        .query(
            (rs, n) ->
                new BankTotal(
                    rs.getString("bank_code"),
                    StandardMinutes.of(rs.getLong("total")),
                    rs.getLong("entries")))
        .list();
  }

  /**
   * The sum of every bank's CLEARING balance: equals the net of the open transfer items (spec §6).
   */
  public StandardMinutes clearingAcrossBanks() {
    return StandardMinutes.of(
        jdbc.sql(
                "select coalesce(sum(amount_minutes), 0) from ledger_entries"
                    + " where account_kind = 'CLEARING'")
            .query(Long.class)
            .single());
  }
}
