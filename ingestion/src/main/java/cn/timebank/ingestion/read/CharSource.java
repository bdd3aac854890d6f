package cn.timebank.ingestion.read;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;

/**
 * The characters of a data file, decoded strictly (an invalid byte is an {@link
 * UncheckedIOException}, never a replacement character), with the UTF-8 byte order mark skipped,
 * read one at a time through a buffer, with one character of look-ahead. Counts nothing itself.
 */
final class CharSource implements AutoCloseable {

  static final int END = -1;

  private final Reader reader;
  private final char[] buffer = new char[8192];
  private int position;
  private int limit;
  private int peeked = -2;

  CharSource(InputStream in, DataEncoding encoding) {
    this.reader = new InputStreamReader(in, encoding.strictDecoder());
    if (encoding.stripsByteOrderMark() && peek() == '\uFEFF') {
      read();
    }
  }

  /** The next character, or {@link #END}. */
  int read() {
    if (peeked != -2) {
      int c = peeked;
      peeked = -2;
      return c;
    }
    if (position >= limit) {
      fill();
      if (limit <= 0) {
        return END;
      }
    }
    return buffer[position++];
  }

  /** The next character without taking it. */
  int peek() {
    if (peeked == -2) {
      peeked = read();
    }
    return peeked;
  }

  private void fill() {
    try {
      position = 0;
      limit = Math.max(reader.read(buffer), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      reader.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
