package cn.timebank.ledger.support;

import cn.timebank.ledger.entry.AccountKind;
import cn.timebank.ledger.entry.EntryKind;
import cn.timebank.ledger.entry.Line;
import cn.timebank.ledger.entry.Posting;
import java.time.Instant;
import java.util.List;

/** Postings as ingestion makes them for spec §6, with fixed times so hashes are reproducible. */
public final class Postings {

  public static final String BANK_A = "310109-001";
  public static final String BANK_B = "430102-002";
  public static final String PACKAGE = "310109-001/2026-10/1/3f2a9c1e";

  /** Nanoseconds on purpose: the ledger keeps microseconds. */
  public static final Instant AT = Instant.parse("2026-11-05T01:12:44.123456789Z");

  private Postings() {}

  /** A completed ISSUED service: ISSUANCE debited, the provider credited. */
  public static Posting issued(String bank, String serviceRef, String provider, long minutes) {
    return posting(
        bank,
        EntryKind.SERVICE,
        serviceRef,
        Line.participant(provider, minutes),
        Line.bank(AccountKind.ISSUANCE, -minutes));
  }

  /** An ISSUED service over the storage cap: the excess goes to the pool (W203). */
  public static Posting issuedOverCap(
      String bank, String serviceRef, String provider, long credited, long excess) {
    return posting(
        bank,
        EntryKind.SERVICE,
        serviceRef,
        Line.participant(provider, credited),
        Line.bank(AccountKind.POOL, excess),
        Line.bank(AccountKind.ISSUANCE, -(credited + excess)));
  }

  /** A BALANCE service: the recipient redeems from their own balance. */
  public static Posting redeemed(
      String bank, String serviceRef, String provider, String recipient, long minutes) {
    return posting(
        bank,
        EntryKind.SERVICE,
        serviceRef,
        Line.participant(provider, minutes),
        Line.participant(recipient, -minutes));
  }

  /** A POOL service: paid from the bank's donated pool. */
  public static Posting fromPool(String bank, String serviceRef, String provider, long minutes) {
    return posting(
        bank,
        EntryKind.SERVICE,
        serviceRef,
        Line.participant(provider, minutes),
        Line.bank(AccountKind.POOL, -minutes));
  }

  public static Posting gift(String bank, String txnRef, String giver, String to, long minutes) {
    return posting(
        bank,
        EntryKind.TRANSACTION,
        txnRef,
        Line.participant(giver, -minutes),
        Line.participant(to, minutes));
  }

  public static Posting donation(String bank, String txnRef, String giver, long minutes) {
    return posting(
        bank,
        EntryKind.TRANSACTION,
        txnRef,
        Line.participant(giver, -minutes),
        Line.bank(AccountKind.POOL, minutes));
  }

  public static Posting transferOut(String bank, String txnRef, String who, long minutes) {
    return posting(
        bank,
        EntryKind.TRANSACTION,
        txnRef,
        Line.participant(who, -minutes),
        Line.bank(AccountKind.CLEARING, minutes));
  }

  public static Posting transferIn(String bank, String txnRef, String who, long minutes) {
    return posting(
        bank,
        EntryKind.TRANSACTION,
        txnRef,
        Line.bank(AccountKind.CLEARING, -minutes),
        Line.participant(who, minutes));
  }

  public static Posting openingBalance(String bank, String txnRef, String who, long minutes) {
    return posting(
        bank,
        EntryKind.OPENING_BALANCE,
        txnRef,
        Line.bank(AccountKind.ISSUANCE, -minutes),
        Line.participant(who, minutes));
  }

  /** A REVERSAL record cancelling {@code original}. */
  public static Posting reversalOf(Posting original, String txnRef) {
    return original.reversal(
        original.bankCode() + "/" + txnRef + "/" + PACKAGE,
        EntryKind.REVERSAL,
        txnRef,
        PACKAGE,
        AT);
  }

  private static Posting posting(String bank, EntryKind kind, String ref, Line... lines) {
    return new Posting(
        bank, bank + "/" + ref + "/" + PACKAGE, kind, ref, PACKAGE, AT, List.of(lines));
  }
}
