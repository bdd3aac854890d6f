package cn.timebank.ledger.entry;

/** Why a posting was made; stored in {@code ledger_entries.entry_kind}. */
public enum EntryKind {
  /** A completed service: funding side debited, provider (and pool for W203 excess) credited. */
  SERVICE,
  /** A gift, donation or transfer record. */
  TRANSACTION,
  /** A balance carried over from before the bank joined the platform. */
  OPENING_BALANCE,
  /** A {@code REVERSAL} record: the opposite of the entries of the record it names. */
  REVERSAL,
  /** A correction package reverses the entries of the version it supersedes. */
  CORRECTION_REVERSAL,
  /** An adjustment after a daily cap was reached through another bank's later package. */
  CAP_ADJUSTMENT
}
