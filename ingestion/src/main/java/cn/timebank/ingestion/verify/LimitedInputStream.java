package cn.timebank.ingestion.verify;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Passes an entry's bytes through and stops with a {@link LimitExceededException} as soon as more
 * come out than allowed, so that a zip bomb is refused after at most {@code maxBytes} bytes.
 */
final class LimitedInputStream extends FilterInputStream {

  private final String entry;
  private final long maxBytes;
  private final String reason;
  private long count;

  LimitedInputStream(InputStream in, String entry, long maxBytes, String reason) {
    super(in);
    this.entry = entry;
    this.maxBytes = maxBytes;
    this.reason = reason;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      add(1);
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = super.read(buffer, offset, length);
    if (n > 0) {
      add(n);
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    long skipped = super.skip(n);
    add(skipped);
    return skipped;
  }

  private void add(long n) throws LimitExceededException {
    count += n;
    if (count > maxBytes) {
      throw new LimitExceededException(entry, "entry '" + entry + "' " + reason);
    }
  }
}
