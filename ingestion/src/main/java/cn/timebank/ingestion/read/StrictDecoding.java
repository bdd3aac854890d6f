package cn.timebank.ingestion.read;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.util.Optional;

/**
 * Checks that a whole stream is valid in an encoding (P008), with a strict decoder (malformed and
 * unmappable input reported, never replaced), in constant memory. UTF-8 with or without a byte
 * order mark passes; so does any valid GB18030.
 */
public final class StrictDecoding {

  private StrictDecoding() {}

  /** The first invalid bytes of {@code in}, or empty when all of it decodes. */
  public static Optional<DecodingError> firstError(InputStream in, DataEncoding encoding)
      throws IOException {
    CharsetDecoder decoder = encoding.strictDecoder();
    ByteBuffer bytes = ByteBuffer.allocate(8192);
    CharBuffer chars = CharBuffer.allocate(8192);
    long consumed = 0;
    long line = 1;
    boolean end = false;
    while (true) {
      int n = end ? -1 : in.read(bytes.array(), bytes.position(), bytes.remaining());
      end = n < 0;
      if (n > 0) {
        bytes.position(bytes.position() + n);
      }
      bytes.flip();
      while (true) {
        int before = bytes.position();
        CoderResult result =
            end ? decoder.decode(bytes, chars, true) : decoder.decode(bytes, chars, false);
        consumed += bytes.position() - before;
        line += newlines(chars);
        if (result.isError()) {
          return Optional.of(new DecodingError(line, consumed));
        }
        if (!result.isOverflow()) {
          break;
        }
      }
      bytes.compact();
      if (end) {
        CoderResult flush = decoder.flush(chars);
        line += newlines(chars);
        return flush.isError() ? Optional.of(new DecodingError(line, consumed)) : Optional.empty();
      }
    }
  }

  private static long newlines(CharBuffer chars) {
    chars.flip();
    long count = 0;
    while (chars.hasRemaining()) {
      if (chars.get() == '\n') {
        count++;
      }
    }
    chars.clear();
    return count;
  }
}
