package cn.timebank.ingestion.stream;

import cn.timebank.ingestion.verify.Registry;
import cn.timebank.standards.model.AmountBasis;
import cn.timebank.standards.model.BankCode;
import cn.timebank.standards.model.BankStatus;
import cn.timebank.standards.registry.BankKey;
import cn.timebank.standards.registry.BankRegistryEntry;
import cn.timebank.standards.registry.CategoryMapping;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** A fixed registry for the stream tests: two ACTIVE DURATION banks and a SUSPENDED one. */
final class Banks {

  static final BankCode A = BankCode.of("310109-001");
  static final BankCode B = BankCode.of("430102-001");
  static final BankCode SUSPENDED = BankCode.of("110105-001");
  static final BankCode UNKNOWN = BankCode.of("440305-009");

  static final Map<String, String> MAPPING =
      Map.of(
          "SHZL", "LIVING_ASSIST",
          "ZY", "PERSONAL_CARE",
          "WY", "CULTURE_RECREATION",
          "PZ", "MEDICAL_ESCORT",
          "JS", "EMOTIONAL_SUPPORT",
          "AQ", "SAFETY_VISIT",
          "HL", "SKILLED_NURSING");

  private static final PublicKey KEY = publicKey();

  static final Registry REGISTRY = registry();

  private Banks() {}

  static BankRegistryEntry entry(BankCode bank, BankStatus status) {
    return new BankRegistryEntry(
        bank,
        "bank " + bank,
        bank.districtCode(),
        status,
        LocalDate.of(2024, 1, 1),
        AmountBasis.DURATION,
        Optional.empty(),
        List.of(new BankKey("k1", KEY, LocalDate.of(2024, 1, 1), Optional.empty())),
        List.of(new CategoryMapping(LocalDate.of(2024, 1, 1), MAPPING)));
  }

  private static Registry registry() {
    Map<BankCode, BankRegistryEntry> banks =
        List.of(
                entry(A, BankStatus.ACTIVE),
                entry(B, BankStatus.ACTIVE),
                entry(SUSPENDED, BankStatus.SUSPENDED))
            .stream()
            .collect(Collectors.toMap(BankRegistryEntry::bankCode, Function.identity()));
    return bank -> Optional.ofNullable(banks.get(bank));
  }

  private static PublicKey publicKey() {
    try {
      return KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
