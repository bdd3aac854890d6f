package cn.timebank.ledger.audit;

/**
 * What an audit event records. The names are stable: they are stored, hashed and printed, so a name
 * is never changed or reused; new actions are added at the end.
 */
public enum AuditAction {
  /** A package delivered (CLI {@code ingest}, REST upload, drop folder): target its package id. */
  UPLOAD,
  /** A report rendered for someone: target the report type, detail its parameters and format. */
  REPORT_DOWNLOAD,
  /** A bank registered for the first time: target the bank code. */
  REGISTRY_IMPORT,
  /** A registered bank imported again: target the bank code, detail what changed. */
  REGISTRY_CHANGE,
  /** A user account created: target the user name. */
  USER_ADD,
  /** An API token issued: target the token's id or name (never the secret). */
  TOKEN_CREATE,
  /** An API token revoked: target the token's id or name. */
  TOKEN_REVOKE
}
