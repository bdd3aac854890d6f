package cn.timebank.ingestion.read;

import cn.timebank.standards.codes.ResultCode;
import cn.timebank.standards.model.FieldProblem;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * Reads a JSON Lines data file: each non-blank line one record (blank lines are skipped and not
 * counted), the first line being line 1. A line over the record limit is R102 {@code (record)}
 * without being parsed; see {@link JsonLineParser} for the rest.
 */
public final class JsonLinesFileReader implements DataFileReader {

  private final String fileName;
  private final CharSource chars;
  private final ReadLimits limits;
  private final JsonLineParser parser;
  private final StringBuilder text = new StringBuilder();
  private long line;
  private Optional<RawRecord> next;

  JsonLinesFileReader(String fileName, CharSource chars, ReadLimits limits) {
    this.fileName = fileName;
    this.chars = chars;
    this.limits = limits;
    this.parser = new JsonLineParser(fileName, limits);
    this.next = advance();
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
    RawRecord record =
        next.orElseThrow(() -> new NoSuchElementException(fileName + ": no more records"));
    next = advance();
    return record;
  }

  private Optional<RawRecord> advance() {
    while (chars.peek() != CharSource.END) {
      line++;
      boolean tooLong = readLine();
      if (tooLong) {
        return Optional.of(
            RawRecord.malformed(
                fileName,
                line,
                new FieldProblem(
                    RawRecord.WHOLE_RECORD, ResultCode.R102, "is longer than the record limit")));
      }
      if (!text.toString().isBlank()) {
        return Optional.of(parser.parse(text.toString(), line));
      }
    }
    return Optional.empty();
  }

  /** Reads one line into {@code text}, without its line end; true when it is over the limit. */
  private boolean readLine() {
    text.setLength(0);
    boolean tooLong = false;
    for (int c = chars.read(); c != '\n' && c != CharSource.END; c = chars.read()) {
      if (text.length() >= limits.maxRecordChars()) {
        tooLong = true;
      } else {
        text.append((char) c);
      }
    }
    if (text.length() > 0 && text.charAt(text.length() - 1) == '\r') {
      text.setLength(text.length() - 1);
    }
    return tooLong;
  }

  @Override
  public void close() {
    chars.close();
  }
}
