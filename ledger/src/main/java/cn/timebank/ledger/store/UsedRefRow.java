package cn.timebank.ledger.store;

import org.jspecify.annotations.Nullable;

/**
 * A ref used by an accepted record ({@code used_refs}): the fingerprint of its content, the month
 * its date falls in ({@code YYYY-MM}), its place in time order, what it reverses and what reversed
 * it.
 */
public record UsedRefRow(
    RecordKey id,
    String fingerprint,
    String month,
    Position position,
    @Nullable RecordKey reverses,
    @Nullable RecordKey reversedBy) {}
