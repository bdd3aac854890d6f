/**
 * Streams the records of a data file (spec §2): CSV (RFC 4180, header row) or JSON Lines, decoded
 * strictly in the declared encoding, one {@link cn.timebank.ingestion.read.RawRecord} at a time
 * with constant memory. Turning a raw record into a canonical one is the job of the {@code
 * standards} readers ({@link cn.timebank.standards.model.RecordReader}).
 */
package cn.timebank.ingestion.read;
