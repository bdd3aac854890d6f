package cn.timebank.ingestion.stream;

/**
 * What the ledger processor emits, each kind to its topic: a posting ({@link Topics#LEDGER}), a
 * rejected event ({@link Topics#REJECTS}), a warning ({@link Topics#ALERTS}), an applied event or a
 * hold's mark ({@link Topics#RECORDS}).
 */
sealed interface StreamOutput
    permits LedgerEntry, RejectRecord, AlertRecord, AppliedRecord, HoldMark {}
