package cn.timebank.ledger.entry;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/**
 * The hash of a ledger entry: SHA-256, lowercase hex, over the UTF-8 bytes of its canonical text.
 *
 * <p>The canonical text (format {@code v1}) is these fields joined by {@code |}:
 *
 * <pre>
 * v1|bank_code|chain_seq|posting_id|line_no|account_kind|participant_ref|amount_minutes|
 *   entry_kind|source_ref|source_id|idempotency_key|posted_at|prev_hash
 * </pre>
 *
 * (one line, no spaces). Numbers are plain decimal with a leading {@code -} when negative; {@code
 * participant_ref} is empty for the bank's accounts; {@code posted_at} is UTC as {@code
 * yyyy-MM-ddTHH:mm:ss.SSSSSSZ} (always six fraction digits); inside a field {@code \} is written
 * {@code \\} and {@code |} is written {@code \|}. The first entry of a bank has {@code prev_hash} =
 * 64 zeros ({@link #GENESIS}).
 */
public final class EntryHash {

  /** The {@code prev_hash} of a bank's first entry. */
  public static final String GENESIS = "0".repeat(64);

  private static final DateTimeFormatter POSTED_AT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

  private EntryHash() {}

  /** The hash of {@code entry}'s fields and its {@code prevHash}; its own entryHash is ignored. */
  public static String of(LedgerEntry entry) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      byte[] digest = sha256.digest(canonicalText(entry).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /** The text that is hashed, as documented on this class. */
  public static String canonicalText(LedgerEntry e) {
    StringBuilder text = new StringBuilder(256).append("v1");
    field(text, e.bankCode());
    field(text, Long.toString(e.chainSeq()));
    field(text, Long.toString(e.postingId()));
    field(text, Integer.toString(e.lineNo()));
    field(text, e.accountKind());
    field(text, e.participantRef() == null ? "" : e.participantRef());
    field(text, Long.toString(e.amountMinutes()));
    field(text, e.entryKind());
    field(text, e.sourceRef());
    field(text, e.sourceId());
    field(text, e.idempotencyKey());
    field(text, POSTED_AT.format(e.postedAt()));
    field(text, e.prevHash());
    return text.toString();
  }

  private static void field(StringBuilder text, String value) {
    text.append('|');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\\' || c == '|') {
        text.append('\\');
      }
      text.append(c);
    }
  }
}
