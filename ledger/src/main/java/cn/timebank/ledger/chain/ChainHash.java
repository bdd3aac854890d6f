package cn.timebank.ledger.chain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/**
 * The one way the platform's hash chains (the ledger's entries, the audit trail's events) turn a
 * stored row into its hash: a canonical text that starts with a format tag and joins the fields
 * with {@code |} (inside a field {@code \} is written {@code \\} and {@code |} is written {@code
 * \|}), hashed with SHA-256 over its UTF-8 bytes, written as lowercase hex. Times are UTC as {@code
 * yyyy-MM-ddTHH:mm:ss.SSSSSSZ} (always six fraction digits). The first row of a chain links to
 * {@link #GENESIS}.
 */
public final class ChainHash {

  /** The {@code prev_hash} of a chain's first row: 64 zeros. */
  public static final String GENESIS = "0".repeat(64);

  private static final DateTimeFormatter UTC_MICROS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

  private ChainHash() {}

  /** A canonical text under construction, starting with its format tag (e.g. {@code v1}). */
  public static Text text(String formatTag) {
    return new Text(formatTag);
  }

  /** Lowercase hex SHA-256 of the UTF-8 bytes of {@code text}. */
  public static String sha256Hex(String text) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha256.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /** The canonical text of a field list, appended field by field. */
  public static final class Text {

    private final StringBuilder text = new StringBuilder(256);

    private Text(String formatTag) {
      text.append(formatTag);
    }

    public Text field(String value) {
      text.append('|');
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        if (c == '\\' || c == '|') {
          text.append('\\');
        }
        text.append(c);
      }
      return this;
    }

    public Text field(long value) {
      return field(Long.toString(value));
    }

    /** A time, as UTC with six fraction digits. */
    public Text field(Instant value) {
      return field(UTC_MICROS.format(value));
    }

    /** The SHA-256 of the text so far. */
    public String sha256Hex() {
      return ChainHash.sha256Hex(text.toString());
    }

    @Override
    public String toString() {
      return text.toString();
    }
  }
}
