package cn.timebank.ledger.store;

/** The sum of one account's lines at one position in time order. */
public record PositionAmount(Position position, long minutes) {}
