/**
 * Live submissions over Kafka Streams: the banks' events on {@code tb.participants.v1}, {@code
 * tb.services.v1} and {@code tb.transactions.v1} go through the standards readers and the record
 * engine ({@link cn.timebank.ingestion.rules.RecordEngine}) with the state in Kafka Streams state
 * stores ({@link cn.timebank.ingestion.stream.StoreLedgerState}); postings, rejects and warnings go
 * to {@code tb.ledger.v1}, {@code tb.rejects.v1} and {@code tb.alerts.v1}. Built by {@link
 * cn.timebank.ingestion.stream.LedgerTopology#build}; see the module README, "Streaming interface".
 */
package cn.timebank.ingestion.stream;
