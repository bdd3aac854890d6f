package cn.timebank.ingestion.read;

import java.util.List;
import java.util.OptionalInt;

/**
 * One CSV record as the tokenizer found it: the line it starts on, its fields, and what went wrong
 * taking it apart. Fields are kept only up to the limits, so a broken row is small.
 *
 * @param longFieldIndex the first field over the field limit, if any
 * @param tooLong the record is over the record limit (its fields are incomplete)
 * @param unclosedQuote the file ended inside a quoted field (the last field)
 */
record CsvRow(
    long line,
    List<String> fields,
    OptionalInt longFieldIndex,
    boolean tooLong,
    boolean unclosedQuote) {

  CsvRow {
    fields = List.copyOf(fields);
  }

  boolean isClean() {
    return longFieldIndex.isEmpty() && !tooLong && !unclosedQuote;
  }
}
