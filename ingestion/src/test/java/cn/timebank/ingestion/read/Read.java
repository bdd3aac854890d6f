package cn.timebank.ingestion.read;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;

/** Reads a whole small file in a test. */
final class Read {

  private Read() {}

  static List<RawRecord> all(String name, String text, DataEncoding encoding) {
    return all(name, text.getBytes(encoding.charset()), encoding, ReadLimits.defaults());
  }

  static List<RawRecord> all(String name, byte[] bytes, DataEncoding encoding, ReadLimits limits) {
    List<RawRecord> records = new ArrayList<>();
    try (DataFileReader reader =
        DataFileReader.open(name, new ByteArrayInputStream(bytes), encoding, limits)) {
      reader.forEachRemaining(records::add);
    }
    return records;
  }

  static byte[] bytes(String text, Charset charset) {
    return text.getBytes(charset);
  }
}
