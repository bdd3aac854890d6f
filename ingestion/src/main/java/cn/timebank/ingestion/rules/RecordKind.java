package cn.timebank.ingestion.rules;

/**
 * The two kinds of dated record a bank delivers. Their refs are two name spaces (decision): a
 * {@code service_ref} and a {@code txn_ref} may be equal without R118.
 */
public enum RecordKind {
  SERVICE,
  TRANSACTION
}
