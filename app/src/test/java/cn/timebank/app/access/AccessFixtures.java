package cn.timebank.app.access;

import cn.timebank.ingestion.receipt.Counts;
import cn.timebank.ingestion.receipt.FileCount;
import cn.timebank.ingestion.receipt.Receipt;
import cn.timebank.ingestion.receipt.ReceiptLine;
import cn.timebank.ingestion.receipt.ReceiptStatus;
import cn.timebank.ledger.registry.RegistryStore;
import cn.timebank.scoring.rating.BankRating;
import cn.timebank.scoring.rating.RatingInputs;
import cn.timebank.scoring.scorecard.Subject;
import cn.timebank.scoring.shared.ParticipantId;
import cn.timebank.scoring.store.StoredScore;
import cn.timebank.standards.model.AmountBasis;
import cn.timebank.standards.model.BankCode;
import cn.timebank.standards.model.BankStatus;
import cn.timebank.standards.registry.BankKey;
import cn.timebank.standards.registry.BankRegistryEntry;
import cn.timebank.standards.registry.CategoryMapping;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.jspecify.annotations.Nullable;

/**
 * What the access tests call the API with: registered banks in three regions, users of each role
 * with their tokens, receipts, scores and ratings of a bank, a package ZIP for a bank.
 */
final class AccessFixtures {

  /** Shanghai Xuhui: the operator's own bank, under the reviewer's prefix 3101. */
  static final String OWN = "310109-001";

  /** Shanghai Pudong: under the reviewer's prefix, not the operator's. */
  static final String NEIGHBOUR = "310115-002";

  /** Shenzhen Nanshan: nobody's but the admin's. */
  static final String FAR = "440305-001";

  /** Well-formed, never registered. */
  static final String UNKNOWN = "440305-999";

  static final String PERIOD = "2026-09";

  private AccessFixtures() {}

  static void registerBanks(RegistryStore registry) {
    String key;
    try {
      key =
          Base64.getEncoder()
              .encodeToString(
                  KeyPairGenerator.getInstance("Ed25519")
                      .generateKeyPair()
                      .getPublic()
                      .getEncoded());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
    LocalDate since = LocalDate.of(2020, 1, 1);
    for (String bank : List.of(OWN, NEIGHBOUR, FAR)) {
      registry.save(
          new BankRegistryEntry(
              BankCode.of(bank),
              "bank " + bank,
              bank.substring(0, 6),
              BankStatus.ACTIVE,
              since,
              AmountBasis.DURATION,
              Optional.empty(),
              List.of(BankKey.of("k2026", key, since, Optional.empty())),
              List.of(new CategoryMapping(since, Map.of("L01", "ELDER_CARE")))),
          Instant.now());
    }
  }

  /** Adds the user when it is not there yet and returns a fresh token of it. */
  static String token(
      UserStore users,
      TokenStore tokens,
      String name,
      Role role,
      Set<String> banks,
      @Nullable String region) {
    if (users.find(name).isEmpty()) {
      users.add(name, role, banks, region, "password-of-" + name);
    }
    return tokens.create(name, 1).secret();
  }

  static String packageId(String bank) {
    return bank + "_2026-10_1_3f2a9c1e";
  }

  static Receipt receipt(@Nullable String bank) {
    return new Receipt(
        bank == null ? "unreadable_1" : packageId(bank),
        "3f2a9c1e",
        bank,
        bank == null ? null : "2026-10",
        bank == null ? null : 1,
        OffsetDateTime.parse("2026-11-05T09:12:44+08:00"),
        OffsetDateTime.parse("2026-11-10T23:59:59+08:00"),
        false,
        ReceiptStatus.PART,
        new Counts(Map.of("services.csv", new FileCount(2, 1, 1)), Map.of("R103", 1L)),
        List.of(new ReceiptLine("services.csv", 3L, "S2", "end", "R103", "结束早于开始 / end first")),
        List.of());
  }

  static StoredScore score(ParticipantId participant) {
    return new StoredScore(
        PERIOD,
        "PROVIDER-2026.1",
        Subject.PROVIDER,
        participant,
        new BigDecimal("112.0"),
        612,
        "C",
        List.of(),
        List.of());
  }

  static BankRating rating(String bank) {
    BigDecimal hundred = new BigDecimal("100.00");
    return new BankRating(
        PERIOD,
        "RATING-2026.1",
        bank,
        hundred,
        hundred,
        hundred,
        hundred,
        hundred,
        hundred,
        "A",
        new RatingInputs(bank, true, 0, 3, 3, 10, 0, 10, 0, 0));
  }

  /** A package ZIP whose manifest names {@code bank} (the data file itself is not needed here). */
  static byte[] packageZip(String bank) {
    String manifest =
        """
        {"format_version": "1.0", "bank_code": "%s", "period": "2026-10", "sequence": 1,
         "key_id": "k2026", "generated_at": "2026-11-03T10:15:00+08:00", "encoding": "UTF-8",
         "files": [{"name": "services.csv", "type": "SERVICES", "records": 0,
                    "sha256": "%s"}]}
        """
            .formatted(bank, "0".repeat(64));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(new ZipEntry("manifest.json"));
      zip.write(manifest.getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}
