package cn.timebank.ingestion.rules;

/** Why a posting is made; the names are those of the ledger's entry kinds. */
public enum PostingKind {
  /** A completed service: funding side debited, provider (and pool, W203) credited. */
  SERVICE,
  /** A gift, donation or transfer. */
  TRANSACTION,
  /** A balance carried over from before the bank joined the platform. */
  OPENING_BALANCE,
  /** A {@code REVERSAL} record: the opposite of the entries of the record it names. */
  REVERSAL,
  /** A correction package reverses the entries of the records it supersedes. */
  CORRECTION_REVERSAL,
  /** A service's credit changed because the daily cap of its provider-day was recomputed. */
  CAP_ADJUSTMENT
}
