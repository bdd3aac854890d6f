package cn.timebank.ingestion.read;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Takes RFC 4180 records apart: fields separated by commas, records by LF, CRLF (or a lone CR); a
 * field in double quotes may hold commas, line breaks and doubled quotes ({@code ""} = one quote).
 * Lenient where RFC 4180 is strict but the meaning is plain: a quote inside an unquoted field, or
 * text after a closing quote, is kept as is. Empty lines between records are skipped (they are not
 * records). Line numbers count physical lines, the first line being line 1.
 */
final class CsvTokenizer {

  private final CharSource in;
  private final ReadLimits limits;
  private long line = 1;

  CsvTokenizer(CharSource in, ReadLimits limits) {
    this.in = in;
    this.limits = limits;
  }

  /** The next record, or empty at the end of the file. */
  Optional<CsvRow> next() {
    while (in.peek() == '\r' || in.peek() == '\n') {
      endOfLine(in.read());
    }
    if (in.peek() == CharSource.END) {
      return Optional.empty();
    }
    return Optional.of(new RowBuilder(line).read());
  }

  private void endOfLine(int c) {
    if (c == '\r' && in.peek() == '\n') {
      in.read();
    }
    line++;
  }

  /** The state of one record being read. */
  private final class RowBuilder {
    private final long startLine;
    private final List<String> fields = new ArrayList<>();
    private final StringBuilder field = new StringBuilder();
    private int recordChars;
    private int fieldChars;
    private int longField = -1;
    private boolean tooLong;

    RowBuilder(long startLine) {
      this.startLine = startLine;
    }

    CsvRow read() {
      boolean quotedField = false;
      while (true) {
        int c = in.read();
        if (c == '"' && fieldChars == 0 && !quotedField) {
          quotedField = true;
          count(c);
          if (!readQuoted()) {
            endField();
            return row(true);
          }
        } else if (c == ',') {
          count(c);
          endField();
          quotedField = false;
        } else if (c == '\r' || c == '\n' || c == CharSource.END) {
          endField();
          if (c != CharSource.END) {
            endOfLine(c);
          }
          return row(false);
        } else {
          append((char) c);
        }
      }
    }

    /** Reads a quoted field up to its closing quote; false when the file ends first. */
    private boolean readQuoted() {
      while (true) {
        int c = in.read();
        if (c == CharSource.END) {
          return false;
        }
        if (c == '"') {
          count(c);
          if (in.peek() != '"') {
            return true;
          }
          in.read();
        } else if (c == '\r' || c == '\n') {
          append((char) c);
          if (c == '\r' && in.peek() == '\n') {
            append((char) in.read());
          }
          line++;
          continue;
        }
        append((char) c);
      }
    }

    private void count(int c) {
      if (++recordChars > limits.maxRecordChars()) {
        tooLong = true;
      }
    }

    private void append(char c) {
      count(c);
      fieldChars++;
      if (tooLong) {
        return;
      }
      if (field.length() >= limits.maxFieldChars()) {
        if (longField < 0) {
          longField = fields.size();
        }
        return;
      }
      field.append(c);
    }

    private void endField() {
      if (!tooLong) {
        fields.add(field.length() == 0 ? "" : field.toString());
      }
      field.setLength(0);
      fieldChars = 0;
    }

    private CsvRow row(boolean unclosedQuote) {
      OptionalInt longIndex = longField < 0 ? OptionalInt.empty() : OptionalInt.of(longField);
      return new CsvRow(startLine, fields, longIndex, tooLong, unclosedQuote);
    }
  }
}
