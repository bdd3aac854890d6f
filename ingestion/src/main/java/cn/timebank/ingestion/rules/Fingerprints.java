package cn.timebank.ingestion.rules;

import cn.timebank.standards.model.Service;
import cn.timebank.standards.model.Transaction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The content of a canonical record as a SHA-256 hex string over its fields in spec column order,
 * so that a record delivered through the stream and again in a package (or the reverse) is
 * recognised as the same (a confirmation) or not (R118). Computed on the canonical record, so the
 * notation of the delivery (CSV, JSON Lines, offsets of timestamps) does not matter.
 */
public final class Fingerprints {

  private Fingerprints() {}

  public static String of(Service s) {
    return sha256(
        "SERVICE",
        s.bankCode().value(),
        s.serviceRef(),
        s.providerRef(),
        s.recipientRef(),
        s.localCategory(),
        s.start().toString(),
        text(s.end()),
        text(s.localAmount().map(a -> a.toPlainString())),
        s.funding().name(),
        s.status().name(),
        s.verification().name(),
        text(s.rating()),
        text(s.locationRegion()),
        text(s.recordedAt()));
  }

  public static String of(Transaction t) {
    return sha256(
        "TRANSACTION",
        t.bankCode().value(),
        t.txnRef(),
        t.type().name(),
        t.participantRef(),
        text(t.counterpartyRef()),
        text(t.counterpartyBank()),
        Long.toString(t.standardMinutes().value()),
        t.occurredAt().toString(),
        text(t.reversesRef()),
        text(t.note()));
  }

  private static String text(Optional<?> value) {
    return value.map(Object::toString).orElse("");
  }

  private static String sha256(String... fields) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (String field : fields) {
        byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
        digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
        digest.update((byte) ':');
        digest.update(bytes);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}
