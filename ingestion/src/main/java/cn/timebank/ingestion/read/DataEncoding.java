package cn.timebank.ingestion.read;

import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/** The encodings a data file may be declared in (spec §2 manifest {@code encoding}). */
public enum DataEncoding {
  /** UTF-8; a byte order mark at the start is allowed and ignored. */
  UTF_8("UTF-8", StandardCharsets.UTF_8),
  /** GB18030, as Excel writes CSV on Chinese Windows. No byte order mark is stripped. */
  GB18030("GB18030", Charset.forName("GB18030"));

  private final String label;
  private final Charset charset;

  DataEncoding(String label, Charset charset) {
    this.label = label;
    this.charset = charset;
  }

  /** The manifest's value, exactly ({@code UTF-8} or {@code GB18030}, case-sensitive). */
  public static Optional<DataEncoding> fromLabel(String label) {
    return Arrays.stream(values()).filter(e -> e.label.equals(label)).findFirst();
  }

  public String label() {
    return label;
  }

  public Charset charset() {
    return charset;
  }

  /** True when a leading U+FEFF is a byte order mark to ignore. */
  boolean stripsByteOrderMark() {
    return this == UTF_8;
  }

  /** A decoder that reports malformed and unmappable input instead of replacing it. */
  public CharsetDecoder strictDecoder() {
    return charset
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
  }
}
