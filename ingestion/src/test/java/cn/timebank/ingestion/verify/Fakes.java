package cn.timebank.ingestion.verify;

import cn.timebank.ingestion.read.ReadLimits;
import cn.timebank.standards.calendar.OfficialHolidayCalendar;
import cn.timebank.standards.hours.StandardVersions;
import cn.timebank.standards.hours.schedule.DueDates;
import cn.timebank.standards.model.AmountBasis;
import cn.timebank.standards.model.BankCode;
import cn.timebank.standards.model.BankStatus;
import cn.timebank.standards.model.Period;
import cn.timebank.standards.registry.BankKey;
import cn.timebank.standards.registry.BankRegistryEntry;
import cn.timebank.standards.registry.CategoryMapping;
import java.security.KeyPair;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** In-memory registry and history, and the usual bank, times and verifier of the tests. */
final class Fakes {

  static final BankCode BANK = BankCode.of("310109-001");
  static final Instant RECEIVED = OffsetDateTime.parse("2026-11-05T09:12:44+08:00").toInstant();
  static final DueDates DUE_DATES =
      new DueDates(StandardVersions.builtIn(), OfficialHolidayCalendar.builtIn());

  private Fakes() {}

  static BankKey key(String id, KeyPair keys, String from, String to) {
    return new BankKey(
        id, keys.getPublic(), LocalDate.parse(from), Optional.ofNullable(to).map(LocalDate::parse));
  }

  static BankRegistryEntry bank(BankStatus status, BankKey... keys) {
    return new BankRegistryEntry(
        BANK,
        "虹口区提篮桥街道时间银行",
        "310109",
        status,
        LocalDate.of(2024, 1, 1),
        AmountBasis.DURATION,
        Optional.empty(),
        List.of(keys),
        List.of(new CategoryMapping(LocalDate.of(2024, 1, 1), Map.of("SHZL", "LIVING_ASSIST"))));
  }

  static BankRegistryEntry activeBank() {
    return bank(BankStatus.ACTIVE, key("k2026", TestPackage.KEYS, "2026-01-01", null));
  }

  static Registry registryOf(BankRegistryEntry... banks) {
    Map<BankCode, BankRegistryEntry> byCode = new HashMap<>();
    for (BankRegistryEntry bank : banks) {
      byCode.put(bank.bankCode(), bank);
    }
    return code -> Optional.ofNullable(byCode.get(code));
  }

  /** A history of accepted packages, all of {@link #BANK}. */
  static final class History implements PackageHistory {
    private final Map<Period, List<PriorPackage>> accepted = new HashMap<>();

    History accept(String period, PriorPackage prior) {
      accepted.computeIfAbsent(Period.parse(period), p -> new ArrayList<>()).add(prior);
      return this;
    }

    @Override
    public List<PriorPackage> accepted(BankCode bank, Period period) {
      return bank.equals(BANK) ? accepted.getOrDefault(period, List.of()) : List.of();
    }

    @Override
    public Optional<String> identical(String sha256) {
      return accepted.values().stream()
          .flatMap(List::stream)
          .filter(prior -> prior.sha256().equals(sha256))
          .map(PriorPackage::receiptId)
          .findFirst();
    }
  }

  static PackageVerifier verifier(Registry registry, PackageHistory history) {
    return new PackageVerifier(
        registry, history, DUE_DATES, OpeningLimits.defaults(), ReadLimits.defaults());
  }

  static PackageVerifier verifier() {
    return verifier(registryOf(activeBank()), new History());
  }

  /** Opens, verifies and closes a delivery. */
  static VerificationResult verify(PackageVerifier verifier, java.nio.file.Path path, Instant at) {
    try (OpenedPackage pkg = OpenedPackage.open(Delivery.of(path), OpeningLimits.defaults())) {
      return verifier.verify(pkg, at);
    }
  }
}
