package cn.timebank.ingestion.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LargeFileTests {

  /** A CSV of a header and {@code rows} rows, made while it is read: nothing held in memory. */
  private static InputStream generated(int rows) {
    return new InputStream() {
      private int row = -1;
      private byte[] line = "service_ref,note\n".getBytes(StandardCharsets.UTF_8);
      private int at;

      @Override
      public int read() {
        if (at == line.length) {
          if (++row >= rows) {
            return -1;
          }
          line = ("S" + row + ",\"a note, with a comma\"\n").getBytes(StandardCharsets.UTF_8);
          at = 0;
        }
        return line[at++] & 0xFF;
      }

      @Override
      public int read(byte[] buffer, int offset, int length) {
        int n = 0;
        while (n < length) {
          int b = read();
          if (b < 0) {
            return n == 0 ? -1 : n;
          }
          buffer[offset + n++] = (byte) b;
        }
        return n;
      }
    };
  }

  @Test
  void streamsAMillionRows() {
    long count = 0;
    RawRecord last = null;
    try (DataFileReader reader =
        DataFileReader.open(
            "big.csv", generated(1_000_000), DataEncoding.UTF_8, ReadLimits.defaults())) {
      while (reader.hasNext()) {
        last = reader.next();
        count++;
      }
    }
    assertThat(count).isEqualTo(1_000_000);
    assertThat(last.line()).isEqualTo(1_000_001);
    assertThat(last.fields()).containsEntry("service_ref", "S999999");
  }
}
