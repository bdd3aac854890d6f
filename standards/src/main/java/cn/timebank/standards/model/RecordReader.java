package cn.timebank.standards.model;

import java.util.Map;

/**
 * Reads one raw record of a data file into its canonical record, applying the field rules R101,
 * R102, R108 and R109. Batch (CSV, JSON Lines) and stream ingestion share the readers.
 *
 * <p>The raw record maps a column name to its text, as read: a CSV field, or a JSON Lines value (a
 * JSON number as its decimal text, a string as is). A missing key, {@code null}, or a value that is
 * empty after stripping surrounding blanks is absent. Every value is stripped of surrounding blanks
 * before it is read (decision: exports from spreadsheets often pad them). Keys that are not columns
 * of the file are ignored.
 *
 * @param <T> the canonical record
 */
public interface RecordReader<T> {

  FileType fileType();

  ReadResult<T> read(Map<String, String> raw);
}
