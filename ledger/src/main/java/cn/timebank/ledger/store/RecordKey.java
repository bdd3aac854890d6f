package cn.timebank.ledger.store;

/**
 * A record of a bank as the stores name it: bank code, kind ({@code SERVICE} or {@code
 * TRANSACTION}) and its ref.
 */
public record RecordKey(String bank, String kind, String ref) {}
