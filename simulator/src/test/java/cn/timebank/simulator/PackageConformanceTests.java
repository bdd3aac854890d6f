package cn.timebank.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import cn.timebank.standards.identity.ResidentIdNumber;
import cn.timebank.standards.model.AmountBasis;
import cn.timebank.standards.model.BankStatus;
import cn.timebank.standards.model.FileType;
import cn.timebank.standards.model.Timestamps;
import cn.timebank.standards.region.Regions;
import cn.timebank.standards.registry.BankRegistryEntry;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class PackageConformanceTests {

  private final Path out = SimulatedWorlds.faulty();
  private final Map<String, BankRegistryEntry> registry = Registered.banks(out);

  private List<DeliveredPackage> packages() {
    return DeliveredPackage.list(out).stream().map(DeliveredPackage::read).toList();
  }

  @Test
  void everyPackagePassesThePackageChecks() {
    assertThat(packages()).hasSize(4);
    for (DeliveredPackage pkg : packages()) {
      assertThat(PackageChecks.firstFailure(pkg, registry, YearMonth.of(2026, 11)))
          .as(pkg.name())
          .isEmpty();
    }
  }

  @Test
  void manifestNamesTheBankPeriodAndAFixedGenerationTime() {
    DeliveredPackage pkg = DeliveredPackage.read(out.resolve("310109-001_2026-09_1.zip"));
    JsonNode manifest = pkg.manifest();

    assertThat(manifest.get("format_version").asString()).isEqualTo("1.0");
    assertThat(manifest.get("bank_code").asString()).isEqualTo("310109-001");
    assertThat(manifest.get("period").asString()).isEqualTo("2026-09");
    assertThat(manifest.get("sequence").asInt()).isEqualTo(1);
    assertThat(manifest.get("generated_at").asString()).isEqualTo("2026-10-08T10:15:00+08:00");
    assertThat(pkg.files().keySet())
        .containsExactlyInAnyOrder(
            "participants.csv",
            "services.csv",
            "transactions.csv",
            "manifest.json",
            "manifest.sig");
  }

  @Test
  void privateKeysSignWhatTheRegistryKeysVerify() throws Exception {
    Instant inPeriod = Timestamps.toInstant(SimulatedWorlds.PERIOD.atDay(1).atStartOfDay());
    for (BankRegistryEntry bank : registry.values()) {
      String keyId = bank.keys().get(0).keyId();
      Path file = out.resolve("keys").resolve(bank.bankCode() + "." + keyId + ".pk8");
      PrivateKey key =
          KeyFactory.getInstance("Ed25519")
              .generatePrivate(
                  new PKCS8EncodedKeySpec(
                      Base64.getDecoder().decode(Files.readString(file).trim())));
      Signature signature = Signature.getInstance("Ed25519");
      signature.initSign(key);
      byte[] manifest = "{}".getBytes(StandardCharsets.UTF_8);
      signature.update(manifest);
      String sig = Base64.getEncoder().encodeToString(signature.sign());
      DeliveredPackage pkg =
          new DeliveredPackage(
              "x",
              java.util.Map.of(
                  "manifest.json",
                  manifest,
                  "manifest.sig",
                  sig.getBytes(StandardCharsets.US_ASCII)));

      assertThat(PackageChecks.verifies(pkg, bank, keyId, inPeriod, inPeriod))
          .as(file.toString())
          .isTrue();
    }
  }

  @Test
  void registryListsBasisMappingsAndKeysOfEveryBank() {
    List<BankRegistryEntry> banks = List.copyOf(registry.values());
    assertThat(banks).hasSize(4);
    assertThat(banks.get(1).amountBasis()).isEqualTo(AmountBasis.COINS);
    assertThat(banks.get(1).coinsPerHour()).contains(BigDecimal.valueOf(6));
    assertThat(banks.get(2).amountBasis()).isEqualTo(AmountBasis.PER_SERVICE);
    assertThat(banks.get(0).categoryMappings()).hasSize(2);
    assertThat(banks.get(0).categoryMappings().get(1).validFrom())
        .isEqualTo(LocalDate.of(2026, 9, 16));
    assertThat(banks.get(3).status()).isEqualTo(BankStatus.SUSPENDED);
    for (BankRegistryEntry bank : banks) {
      assertThat(bank.keys().get(0).base64()).startsWith("MCowBQYDK2VwAyEA");
      assertThat(bank.categoryMappings().get(0).codes()).hasSize(10);
    }
  }

  @Test
  void everyBankAndParticipantIsInARealDistrict() {
    Regions regions = Regions.builtIn();
    for (BankRegistryEntry bank : registry.values()) {
      assertThat(regions.isDistrict(bank.bankCode().districtCode()))
          .as(bank.bankCode().toString())
          .isTrue();
      assertThat(bank.name()).startsWith(regions.find(bank.regionCode()).orElseThrow().name());
    }
    int checked = 0;
    for (DeliveredPackage pkg : packages()) {
      for (DeliveredPackage.Row row : pkg.rows("PARTICIPANTS")) {
        assertThat(regions.isDistrict(row.get("region_code")))
            .as(pkg.name() + " line " + row.line())
            .isTrue();
        if (row.get("id_type").equals("RESIDENT_ID")) {
          String birthplace = row.get("id_number").substring(0, 6);
          assertThat(regions.isDistrict(birthplace)).as(row.get("id_number")).isTrue();
        }
        checked++;
      }
    }
    assertThat(checked).isGreaterThan(250);
  }

  @Test
  void gb18030FileDecodesStrictlyAndHoldsChinese() {
    DeliveredPackage pkg = DeliveredPackage.read(out.resolve("430102-001_2026-09_1.zip"));

    assertThat(pkg.encoding()).isEqualTo("GB18030");
    String text = pkg.decode("participants.csv").orElseThrow();
    assertThat(text).containsPattern("[\\u4e00-\\u9fff]{2,}");
    assertThat(new String(pkg.files().get("participants.csv"), StandardCharsets.UTF_8))
        .doesNotContain(text.substring(200, 260));
  }

  @Test
  void utf8FilesDecodeStrictlyWithBomAndCrlfWhereTheBankWritesThem() {
    DeliveredPackage pkg = DeliveredPackage.read(out.resolve("310109-001_2026-09_1.zip"));
    byte[] services = pkg.files().get("services.csv");

    assertThat(pkg.decode("services.csv")).isPresent();
    assertThat(services[0]).isEqualTo((byte) 0xEF);
    assertThat(new String(services, StandardCharsets.UTF_8)).contains("\r\n");
  }

  @Test
  void csvHeadersHoldEverySpecColumn() {
    for (DeliveredPackage pkg : packages()) {
      if (pkg.files().containsKey("services.csv")) {
        for (FileType type : FileType.values()) {
          String file = type.name().toLowerCase(Locale.ROOT) + ".csv";
          assertThat(pkg.header(file)).as(file).containsAll(type.requiredColumns());
          assertThat(type.headerProblem(pkg.header(file))).as(file).isEmpty();
        }
      }
    }
  }

  @Test
  void jsonLinesWriteNumbersAsJsonNumbers() {
    DeliveredPackage pkg = DeliveredPackage.read(out.resolve("110105-001_2026-09_1.zip"));

    for (String type : List.of("PARTICIPANTS", "SERVICES", "TRANSACTIONS")) {
      for (DeliveredPackage.Row row : pkg.rows(type)) {
        row.raw()
            .forEach(
                (field, value) -> {
                  boolean numeric = Columns.NUMERIC.contains(field);
                  if (numeric && value.isString()) {
                    // only an injected R101/R102 may break this; none does in numeric fields
                    throw new AssertionError(
                        type + " line " + row.line() + ": " + field + " is a string");
                  }
                  assertThat(numeric ? value.isNumber() : value.isString())
                      .as(type + " line " + row.line() + " " + field)
                      .isTrue();
                });
      }
    }
  }

  @Test
  void everyResidentIdIsValidAndMatchesBirthDateUnlessInjected() {
    List<JsonNode> truth = SimulatedWorlds.truth(out);
    int checked = 0;
    for (DeliveredPackage pkg : packages()) {
      for (DeliveredPackage.Row row : pkg.rows("PARTICIPANTS")) {
        String ref = row.get("participant_ref");
        boolean injected =
            truth.stream()
                .anyMatch(
                    t ->
                        t.get("package").asString().equals(pkg.name())
                            && t.get("ref").asString().equals(ref));
        if (injected || !row.get("id_type").equals("RESIDENT_ID")) {
          continue;
        }
        ResidentIdNumber id = ResidentIdNumber.parse(row.get("id_number"));
        assertThat(id.birthDate()).isEqualTo(LocalDate.parse(row.get("birth_date")));
        int sequence = row.get("id_number").charAt(16) - '0';
        assertThat(sequence % 2 == 1 ? "M" : "F").isEqualTo(row.get("gender"));
        checked++;
      }
    }
    assertThat(checked).isGreaterThan(250);
  }
}
