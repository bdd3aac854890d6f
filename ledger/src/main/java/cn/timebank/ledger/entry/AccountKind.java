package cn.timebank.ledger.entry;

/** The accounts of a bank (spec §6): one per participant and three of the bank's own. */
public enum AccountKind {
  /** A participant's hours; identified by its bank-local {@code participant_ref}. */
  PARTICIPANT,
  /** The bank's pool: donations, storage-cap excess; funds {@code POOL} services. */
  POOL,
  /** The bank's issuance: debited when the bank issues hours (an {@code ISSUED} service). */
  ISSUANCE,
  /** Hours in transit between banks (transfers out and in). */
  CLEARING
}
