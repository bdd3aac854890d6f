package cn.timebank.ledger.store;

import java.time.LocalDateTime;

/**
 * A place in the time order of spec §3.8 as stored: the record's time (Asia/Shanghai local), its
 * kind and ref. Ordering is the caller's (it compares refs by code point).
 */
public record Position(LocalDateTime at, String kind, String ref) {}
