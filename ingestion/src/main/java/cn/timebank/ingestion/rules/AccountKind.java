package cn.timebank.ingestion.rules;

/** The accounts of a bank (spec §6): one per participant and three of the bank's own. */
public enum AccountKind {
  /** A participant's hours, named by its bank-local {@code participant_ref}. */
  PARTICIPANT,
  /** The bank's pool: donations and storage-cap excess; pays {@code POOL} services. */
  POOL,
  /** Debited when the bank issues hours ({@code ISSUED} services, opening balances). */
  ISSUANCE,
  /** Hours in transit between banks (transfers out and in). */
  CLEARING
}
