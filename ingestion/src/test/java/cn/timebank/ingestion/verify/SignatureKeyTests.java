package cn.timebank.ingestion.verify;

import static org.assertj.core.api.Assertions.assertThat;

import cn.timebank.standards.codes.ResultCode;
import cn.timebank.standards.model.BankStatus;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SignatureKeyTests {

  @TempDir Path dir;

  private static final KeyPair OLD = TestPackage.ed25519();
  private static final KeyPair NEW = TestPackage.ed25519();

  /** k-old valid to 2026-11-30, k-new from 2026-11-01: they overlap in November. */
  private final PackageVerifier verifier =
      Fakes.verifier(
          Fakes.registryOf(
              Fakes.bank(
                  BankStatus.ACTIVE,
                  Fakes.key("k-old", OLD, "2026-01-01", "2026-11-30"),
                  Fakes.key("k-new", NEW, "2026-11-01", null))),
          new Fakes.History());

  private VerificationResult verify(TestPackage pkg, String receivedAt) {
    Instant at = OffsetDateTime.parse(receivedAt).toInstant();
    return Fakes.verify(verifier, pkg.writeZip(dir), at);
  }

  @Test
  void bothKeysVerifyInTheirOverlap() {
    TestPackage byOld = TestPackage.good().set("key_id", "k-old").signedWith(OLD);
    TestPackage byNew = TestPackage.good().set("key_id", "k-new").signedWith(NEW);
    assertThat(verify(byOld, "2026-11-05T09:00:00+08:00")).isInstanceOf(Verified.class);
    assertThat(verify(byNew, "2026-11-05T09:00:00+08:00")).isInstanceOf(Verified.class);
  }

  @Test
  void p002WhenReceivedAfterTheKeyExpiredThoughGeneratedWhileValid() {
    TestPackage byOld =
        TestPackage.good()
            .set("key_id", "k-old")
            .set("generated_at", "2026-11-29T10:00:00+08:00")
            .signedWith(OLD);
    Rejected r = (Rejected) verify(byOld, "2026-12-01T09:00:00+08:00");
    assertThat(r.code()).isEqualTo(ResultCode.P002);
    assertThat(r.file()).contains("manifest.sig");
    assertThat(r.message())
        .contains(
            "k-old", "does not cover both generated_at 2026-11-29 and the receipt 2026-12-01");
  }

  @Test
  void p002WhenSignedWithTheOtherKeyOfTheBank() {
    TestPackage mixed = TestPackage.good().set("key_id", "k-new").signedWith(OLD);
    Rejected r = (Rejected) verify(mixed, "2026-11-05T09:00:00+08:00");
    assertThat(r.code()).isEqualTo(ResultCode.P002);
    assertThat(r.message()).contains("does not verify with key 'k-new'");
  }

  @Test
  void p002WhenGeneratedBeforeTheNewKeyWasValidThoughReceivedWhileItIs() {
    TestPackage early =
        TestPackage.good()
            .set("key_id", "k-new")
            .set("generated_at", "2026-10-31T23:30:00+08:00")
            .signedWith(NEW);
    Rejected r = (Rejected) verify(early, "2026-11-02T09:00:00+08:00");
    assertThat(r.code()).isEqualTo(ResultCode.P002);
    assertThat(r.message()).contains("k-new", "generated_at 2026-10-31");
  }

  @Test
  void aKeyIsValidThroughItsLastDayInShanghaiTime() {
    TestPackage byOld =
        TestPackage.good()
            .set("key_id", "k-old")
            .set("generated_at", "2026-11-30T08:00:00+08:00")
            .signedWith(OLD);
    assertThat(verify(byOld, "2026-11-30T23:59:00+08:00")).isInstanceOf(Verified.class);
    // 16:30 UTC on the 30th is already 1 December in Shanghai: the old key has expired.
    Rejected late = (Rejected) verify(byOld, "2026-11-30T16:30:00Z");
    assertThat(late.code()).isEqualTo(ResultCode.P002);
  }

  @Test
  void p002WhenTheKeyIdIsNotTheBanks() {
    TestPackage unknown = TestPackage.good().set("key_id", "k-other").signedWith(NEW);
    Rejected r = (Rejected) verify(unknown, "2026-11-05T09:00:00+08:00");
    assertThat(r.code()).isEqualTo(ResultCode.P002);
    assertThat(r.message()).contains("has no key with key_id 'k-other'");
  }
}
