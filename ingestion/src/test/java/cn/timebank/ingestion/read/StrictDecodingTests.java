package cn.timebank.ingestion.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StrictDecodingTests {

  private static Optional<DecodingError> check(byte[] bytes, DataEncoding encoding)
      throws IOException {
    return StrictDecoding.firstError(new ByteArrayInputStream(bytes), encoding);
  }

  @Test
  void acceptsUtf8WithAndWithoutAByteOrderMark() throws IOException {
    assertThat(check("a,b\n张三,1\n".getBytes(StandardCharsets.UTF_8), DataEncoding.UTF_8)).isEmpty();
    assertThat(check("\uFEFFa\n".getBytes(StandardCharsets.UTF_8), DataEncoding.UTF_8)).isEmpty();
  }

  @Test
  void findsTheLineOfInvalidUtf8() throws IOException {
    byte[] bytes = {'a', '\n', 'b', '\n', (byte) 0xFF, 'c'};
    assertThat(check(bytes, DataEncoding.UTF_8)).contains(new DecodingError(3, 4));
  }

  @Test
  void findsUtf8ChineseThatIsNotValidGb18030() throws IOException {
    byte[] bytes = "名,张,\n".getBytes(StandardCharsets.UTF_8);
    assertThat(check(bytes, DataEncoding.GB18030)).isPresent();
    assertThat(check("名,张,\n".getBytes(DataEncoding.GB18030.charset()), DataEncoding.GB18030))
        .isEmpty();
  }

  @Test
  void findsATruncatedSequenceAtTheEnd() throws IOException {
    byte[] bytes = {'a', (byte) 0xE5, (byte) 0xBC};
    assertThat(check(bytes, DataEncoding.UTF_8)).contains(new DecodingError(1, 1));
  }
}
