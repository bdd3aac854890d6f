package cn.timebank.ingestion.verify;

import static cn.timebank.ingestion.verify.Fakes.RECEIVED;
import static org.assertj.core.api.Assertions.assertThat;

import cn.timebank.ingestion.read.RawRecord;
import cn.timebank.ingestion.read.ReadLimits;
import cn.timebank.standards.codes.ResultCode;
import cn.timebank.standards.model.BankStatus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackageVerifierTests {

  @TempDir Path dir;

  private final PackageVerifier verifier = Fakes.verifier();

  private Rejected rejected(TestPackage pkg) {
    return rejected(verifier, pkg, RECEIVED);
  }

  private Rejected rejected(PackageVerifier verifier, TestPackage pkg, Instant at) {
    VerificationResult result = Fakes.verify(verifier, pkg.writeZip(dir), at);
    assertThat(result).isInstanceOf(Rejected.class);
    return (Rejected) result;
  }

  @Test
  void verifiesAGoodZipAndStreamsItsRecords() {
    Path zip = TestPackage.good().writeZip(dir);
    try (OpenedPackage pkg = OpenedPackage.open(Delivery.of(zip), OpeningLimits.defaults())) {
      VerificationResult result = verifier.verify(pkg, RECEIVED);
      assertThat(result).isInstanceOf(Verified.class);
      Verified verified = (Verified) result;
      assertThat(verified.sha256()).isEqualTo(Delivery.of(zip).sha256().orElseThrow());
      assertThat(verified.period()).hasToString("2026-10");
      assertThat(verified.late()).isFalse();
      assertThat(verified.dueAt().toOffsetDateTime())
          .isEqualTo(OffsetDateTime.parse("2026-11-10T23:59:59+08:00"));
      List<RawRecord> records = new ArrayList<>();
      try (var reader =
          pkg.records("services.csv", verified.manifest().encoding(), ReadLimits.defaults())) {
        reader.forEachRemaining(records::add);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      assertThat(records)
          .extracting(r -> r.fields().get("service_ref"))
          .containsExactly("S001", "S002");
      assertThat(records).extracting(RawRecord::line).containsExactly(2L, 3L);
    }
  }

  @Test
  void verifiesTheSamePackageDeliveredAsAFolder() {
    Path folder = TestPackage.good().writeFolder(dir);
    VerificationResult result = Fakes.verify(verifier, folder, RECEIVED);
    assertThat(result).isInstanceOf(Verified.class);
    assertThat(((Verified) result).sha256())
        .isEqualTo(TestPackage.sha256(TestPackage.good().manifestBytes()));
  }

  @Test
  void p001WhenTheManifestIsMissing() {
    Path folder = TestPackage.good().writeFolder(dir);
    folder.resolve("manifest.json").toFile().delete();
    Rejected r = (Rejected) Fakes.verify(verifier, folder, RECEIVED);
    assertThat(r.code()).isEqualTo(ResultCode.P001);
    assertThat(r.message()).contains("manifest.json", "missing");
  }

  @Test
  void p001WhenTheManifestIsNotJson() {
    Rejected r = rejected(TestPackage.good().rawManifest("{\"format_version\": "));
    assertThat(r.code()).isEqualTo(ResultCode.P001);
    assertThat(r.file()).contains("manifest.json");
    assertThat(r.message()).startsWith("P001 清单缺失").contains("not valid JSON");
  }

  @Test
  void p003WhenTheBankIsUnknownOrSuspended() {
    Rejected unknown = rejected(TestPackage.good().set("bank_code", "310109-002"));
    assertThat(unknown.code()).isEqualTo(ResultCode.P003);
    assertThat(unknown.field()).contains("bank_code");
    assertThat(unknown.message()).contains("310109-002 is not in the registry");
    assertThat(unknown.manifest()).isPresent();

    PackageVerifier suspended =
        Fakes.verifier(
            Fakes.registryOf(
                Fakes.bank(
                    BankStatus.SUSPENDED,
                    Fakes.key("k2026", TestPackage.KEYS, "2026-01-01", null))),
            new Fakes.History());
    Rejected r = rejected(suspended, TestPackage.good(), RECEIVED);
    assertThat(r.code()).isEqualTo(ResultCode.P003);
    assertThat(r.message()).contains("SUSPENDED");
  }

  @Test
  void p002WhenTheSignatureIsMissingOrFromAnotherKey() {
    Rejected missing = rejected(TestPackage.good().unsigned());
    assertThat(missing.code()).isEqualTo(ResultCode.P002);
    assertThat(missing.message()).contains("manifest.sig is missing");

    Rejected wrong = rejected(TestPackage.good().signedWith(TestPackage.ed25519()));
    assertThat(wrong.code()).isEqualTo(ResultCode.P002);
    assertThat(wrong.message()).contains("does not verify with key 'k2026'");

    Rejected unknownKey = rejected(TestPackage.good().set("key_id", "k2027"));
    assertThat(unknownKey.message()).contains("no key with key_id 'k2027'");

    Rejected before = rejected(TestPackage.good().set("generated_at", "2025-12-30T10:00:00+08:00"));
    assertThat(before.code()).isEqualTo(ResultCode.P002);
    assertThat(before.message())
        .contains(
            "key k2026 (valid 2026-01-01 to open) does not cover both generated_at 2025-12-30")
        .doesNotContain("BankKey");
  }

  @Test
  void p006WhenThePeriodIsMalformedInTheFutureOrBeforeRegistration() {
    Rejected malformed = rejected(TestPackage.good().set("period", "2026-13"));
    assertThat(malformed.code()).isEqualTo(ResultCode.P006);
    assertThat(malformed.field()).contains("period");
    assertThat(malformed.message())
        .endsWith("period: must be a month YYYY-MM, e.g. 2026-10 (was '2026-13')");

    Rejected future = rejected(TestPackage.good().set("period", "2026-12"));
    assertThat(future.code()).isEqualTo(ResultCode.P006);
    assertThat(future.message()).contains("in the future");

    Rejected early = rejected(TestPackage.good().set("period", "2023-12"));
    assertThat(early.code()).isEqualTo(ResultCode.P006);
    assertThat(early.message()).contains("before the bank was registered");
  }

  @Test
  void acceptsTheCurrentMonth() {
    VerificationResult result =
        Fakes.verify(verifier, TestPackage.good().set("period", "2026-11").writeZip(dir), RECEIVED);
    assertThat(result).isInstanceOf(Verified.class);
  }

  @Test
  void p009WhenANamedFileIsMissingOrAnUnnamedOneIsPresent() {
    Rejected missing = rejected(TestPackage.good().without("services.csv"));
    assertThat(missing.code()).isEqualTo(ResultCode.P009);
    assertThat(missing.file()).contains("services.csv");
    assertThat(missing.message()).contains("named in the manifest but not in the package");

    Rejected extra = rejected(TestPackage.good().extra("notes.txt", new byte[] {1}));
    assertThat(extra.code()).isEqualTo(ResultCode.P009);
    assertThat(extra.file()).contains("notes.txt");
  }

  @Test
  void p004WhenAFileDiffersFromItsDigest() {
    byte[] changed =
        TestPackage.SERVICES_CSV.replace("S002", "S003").getBytes(StandardCharsets.UTF_8);
    Rejected r = rejected(TestPackage.good().tamper("services.csv", changed));
    assertThat(r.code()).isEqualTo(ResultCode.P004);
    assertThat(r.file()).contains("services.csv");
    assertThat(r.message())
        .startsWith(
            "P004 文件的SHA-256与清单不符 / a file's SHA-256 differs from the manifest: services.csv:")
        .contains(
            "manifest says "
                + TestPackage.sha256(TestPackage.SERVICES_CSV.getBytes(StandardCharsets.UTF_8)))
        .contains("file has " + TestPackage.sha256(changed));
  }

  @Test
  void p008WhenBytesAreNotValidInTheDeclaredEncoding() {
    byte[] bad = (TestPackage.SERVICES_CSV + "S003,\u0000").getBytes(StandardCharsets.UTF_8);
    bad[bad.length - 1] = (byte) 0xC3;
    Rejected r = rejected(new TestPackage().file("services.csv", "SERVICES", bad, 3));
    assertThat(r.code()).isEqualTo(ResultCode.P008);
    assertThat(r.file()).contains("services.csv");
    assertThat(r.line()).hasValue(4);
    assertThat(r.message()).contains("not valid UTF-8");
  }

  @Test
  void p008WhenUtf8ChineseIsDeclaredGb18030() {
    String csv = TestPackage.SERVICES_HEADER + "\n张,P1\n";
    Rejected r =
        rejected(
            new TestPackage().set("encoding", "GB18030").file("services.csv", "SERVICES", csv, 1));
    assertThat(r.code()).isEqualTo(ResultCode.P008);
    assertThat(r.message()).contains("services.csv: line 2", "GB18030");
  }

  @Test
  void p010WhenTheHeaderLacksOrRepeatsAColumn() {
    String csv = TestPackage.SERVICES_HEADER.replace(",rating", ",start") + "\n";
    Rejected r = rejected(new TestPackage().file("services.csv", "SERVICES", csv, 0));
    assertThat(r.code()).isEqualTo(ResultCode.P010);
    assertThat(r.file()).contains("services.csv");
    assertThat(r.line()).hasValue(1);
    assertThat(r.message()).contains("lacks [rating]", "repeats [start]");
  }

  @Test
  void p005WhenTheRecordCountDiffers() {
    Rejected r =
        rejected(new TestPackage().file("services.csv", "SERVICES", TestPackage.SERVICES_CSV, 3));
    assertThat(r.code()).isEqualTo(ResultCode.P005);
    assertThat(r.message()).contains("services.csv: manifest says 3 records, file has 2");
  }

  @Test
  void p005CountsAQuotedNewlineAsOneRecordAndAnUnbalancedQuoteAsTheLastRecord() {
    String csv =
        TestPackage.SERVICES_HEADER
            + "\nS001,P1,P2,SHZL,2026-10-05T09:00:00,,,ISSUED,COMPLETED,PAPER,,,\"two\nlines\"\n"
            + "S002,P1,P2,SHZL,\"open\n";
    VerificationResult result =
        Fakes.verify(
            verifier,
            new TestPackage().file("services.csv", "SERVICES", csv, 2).writeZip(dir),
            RECEIVED);
    assertThat(result).isInstanceOf(Verified.class);
  }

  @Test
  void p007WhenTheSameSequenceCameWithOtherContent() {
    Fakes.History history =
        new Fakes.History().accept("2026-10", new PriorPackage(1, "ab".repeat(32), "R-1"));
    Rejected r =
        rejected(
            Fakes.verifier(Fakes.registryOf(Fakes.activeBank()), history),
            TestPackage.good(),
            RECEIVED);
    assertThat(r.code()).isEqualTo(ResultCode.P007);
    assertThat(r.field()).contains("sequence");
    assertThat(r.message()).contains("received as R-1");
  }

  @Test
  void p012WhenTheSequenceIsOutOfOrder() {
    Rejected newPeriod = rejected(TestPackage.good().set("sequence", 2));
    assertThat(newPeriod.code()).isEqualTo(ResultCode.P012);
    assertThat(newPeriod.message()).contains("a new period starts with sequence 1");

    Fakes.History history =
        new Fakes.History().accept("2026-10", new PriorPackage(1, "ab".repeat(32), "R-1"));
    Rejected skipped =
        rejected(
            Fakes.verifier(Fakes.registryOf(Fakes.activeBank()), history),
            TestPackage.good().set("sequence", 3),
            RECEIVED);
    assertThat(skipped.code()).isEqualTo(ResultCode.P012);
    assertThat(skipped.message()).contains("expected sequence 2 after 1");
  }

  @Test
  void p011WhenACorrectionComesAfterTheWindow() {
    Fakes.History history =
        new Fakes.History().accept("2026-10", new PriorPackage(1, "ab".repeat(32), "R-1"));
    PackageVerifier verifier = Fakes.verifier(Fakes.registryOf(Fakes.activeBank()), history);
    Instant late = OffsetDateTime.parse("2027-11-20T09:00:00+08:00").toInstant();
    Rejected r =
        rejected(
            verifier,
            TestPackage.good().set("sequence", 2).set("generated_at", "2027-11-19T10:00:00+08:00"),
            late);
    assertThat(r.code()).isEqualTo(ResultCode.P011);
    assertThat(r.message())
        .contains("correction window of 2026-10 closed at 2027-11-10T23:59:59+08:00");

    Instant inTime = OffsetDateTime.parse("2027-11-10T09:00:00+08:00").toInstant();
    VerificationResult ok =
        Fakes.verify(
            verifier,
            TestPackage.good()
                .set("sequence", 2)
                .set("generated_at", "2027-11-09T10:00:00+08:00")
                .writeZip(dir),
            inTime);
    assertThat(ok).isInstanceOf(Verified.class);
    assertThat(((Verified) ok).late()).isTrue();
  }

  @Test
  void findsAnIdenticalReDeliveryBeforeVerifyingAgain() {
    Path zip = TestPackage.good().writeZip(dir);
    String sha = Delivery.of(zip).sha256().orElseThrow();
    Fakes.History history = new Fakes.History().accept("2026-10", new PriorPackage(1, sha, "R-1"));
    assertThat(Delivery.of(zip).sha256().flatMap(history::identical)).contains("R-1");
    assertThat(new Fakes.History().identical(sha)).isEmpty();
  }
}
