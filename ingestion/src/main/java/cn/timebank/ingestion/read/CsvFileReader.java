package cn.timebank.ingestion.read;

import cn.timebank.standards.codes.ResultCode;
import cn.timebank.standards.model.FieldProblem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * Reads a CSV data file: the first record is the header (line 1), each later one a {@link
 * RawRecord} keyed by the header's column names. A record whose field count differs from the
 * header's is R102 {@code (record)}; a field over the limit is R102 of that column; a record over
 * the limit R102 {@code (record)}; a quote still open at the end of the file makes the last record
 * R102 of the column where it opened.
 */
public final class CsvFileReader implements DataFileReader {

  private final String fileName;
  private final CharSource chars;
  private final CsvTokenizer tokenizer;
  private final List<String> header;
  private Optional<CsvRow> next;

  CsvFileReader(String fileName, CharSource chars, ReadLimits limits) {
    this.fileName = fileName;
    this.chars = chars;
    this.tokenizer = new CsvTokenizer(chars, limits);
    this.header = tokenizer.next().map(CsvRow::fields).orElse(List.of());
    this.next = tokenizer.next();
  }

  /** The header's column names as written; empty when the file is empty. */
  public List<String> header() {
    return header;
  }

  @Override
  public String fileName() {
    return fileName;
  }

  @Override
  public boolean hasNext() {
    return next.isPresent();
  }

  @Override
  public RawRecord next() {
    CsvRow row = next.orElseThrow(() -> new NoSuchElementException(fileName + ": no more records"));
    next = tokenizer.next();
    return toRecord(row);
  }

  private RawRecord toRecord(CsvRow row) {
    if (row.unclosedQuote()) {
      return problem(row, column(row.fields().size() - 1), "has a quote that is never closed");
    }
    if (row.tooLong()) {
      return problem(row, RawRecord.WHOLE_RECORD, "is longer than the record limit");
    }
    if (row.longFieldIndex().isPresent()) {
      return problem(
          row, column(row.longFieldIndex().getAsInt()), "is longer than the field limit");
    }
    if (row.fields().size() != header.size()) {
      return problem(
          row,
          RawRecord.WHOLE_RECORD,
          "has " + row.fields().size() + " fields, the header has " + header.size());
    }
    Map<String, String> fields = new LinkedHashMap<>();
    for (int i = 0; i < header.size(); i++) {
      fields.put(header.get(i), row.fields().get(i));
    }
    return RawRecord.of(fileName, row.line(), fields);
  }

  private String column(int index) {
    return index >= 0 && index < header.size() && !header.get(index).isBlank()
        ? header.get(index)
        : RawRecord.WHOLE_RECORD;
  }

  private RawRecord problem(CsvRow row, String field, String detail) {
    return RawRecord.malformed(
        fileName, row.line(), new FieldProblem(field, ResultCode.R102, detail));
  }

  @Override
  public void close() {
    chars.close();
  }
}
