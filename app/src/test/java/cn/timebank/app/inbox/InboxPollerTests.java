package cn.timebank.app.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import cn.timebank.app.audit.Auditor;
import cn.timebank.app.ingest.UnavailableSubmissions;
import cn.timebank.app.support.InMemoryAuditTrail;
import cn.timebank.ingestion.receipt.ReceiptJson;
import cn.timebank.ledger.audit.AuditAction;
import cn.timebank.ledger.audit.AuditTrail;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InboxPollerTests {

  static final Duration STABLE = Duration.ofSeconds(5);

  @TempDir Path dataDir;
  Path inbox;
  Path bank;
  final MutableClock clock = new MutableClock();
  final FakeSubmissions submissions = new FakeSubmissions();
  final AuditTrail trail = InMemoryAuditTrail.create();
  InboxPoller poller;

  @BeforeEach
  void setUp() throws IOException {
    inbox = dataDir.resolve("inbox");
    bank = Files.createDirectories(inbox.resolve("310109-001"));
    poller =
        new InboxPoller(
            inbox,
            new InboxProperties(true, Duration.ofSeconds(2), STABLE),
            submissions,
            new Auditor(trail),
            clock);
  }

  /** Two looks, {@code stableFor} apart: what a package needs at least. */
  private void pollUntilStable() {
    poller.poll();
    clock.advance(STABLE);
    poller.poll();
  }

  @Test
  void createsTheInboxOnTheFirstLook() throws IOException {
    Files.delete(bank);
    Files.delete(inbox);

    poller.poll();

    assertThat(inbox).isDirectory();
  }

  @Test
  void takesAStableZipOnceMovesItToDoneAndWritesItsReceipt() throws IOException {
    Files.write(bank.resolve("p.zip"), new byte[] {1, 2, 3});

    poller.poll();
    assertThat(submissions.ingested).isEmpty();
    clock.advance(STABLE);
    assertThat(poller.poll()).containsExactly(bank.resolve("done/p.zip"));
    clock.advance(STABLE);
    poller.poll();

    assertThat(submissions.ingested).containsExactly(bank.resolve("p.zip"));
    assertThat(bank.resolve("p.zip")).doesNotExist();
    assertThat(bank.resolve("done/p.zip")).hasBinaryContent(new byte[] {1, 2, 3});
    assertThat(ReceiptJson.read(Files.readString(bank.resolve("done/p.receipt.json"))).packageId())
        .isEqualTo("pkg_p_zip");
    assertThat(trail.since(Instant.EPOCH, Optional.empty()))
        .as("one UPLOAD in the audit trail, by the drop folder")
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.event().action()).isEqualTo(AuditAction.UPLOAD);
              assertThat(e.event().target()).isEqualTo("pkg_p_zip");
              assertThat(e.event().actor()).isEqualTo("inbox");
              assertThat(e.event().origin()).isEqualTo("inbox:310109-001");
              assertThat(e.event().detail()).startsWith("status ACPT, file p.zip");
            });
  }

  @Test
  void waitsWhileAZipIsStillGrowing() throws IOException {
    Path zip = bank.resolve("big.zip");
    Files.write(zip, new byte[100]);
    poller.poll();

    for (int i = 1; i <= 3; i++) {
      clock.advance(STABLE);
      Files.write(zip, new byte[100 + i * 100]);
      poller.poll();
    }
    assertThat(submissions.ingested).isEmpty();
    assertThat(zip).exists();

    clock.advance(STABLE);
    poller.poll();
    assertThat(submissions.ingested).containsExactly(zip);
  }

  @Test
  void waitsTheStableTimeEvenWhenNothingChanges() throws IOException {
    Files.write(bank.resolve("p.zip"), new byte[] {1});

    poller.poll();
    clock.advance(STABLE.minusSeconds(1));
    poller.poll();

    assertThat(submissions.ingested).isEmpty();
  }

  @Test
  void takesAFolderOnlyOnceItHoldsItsManifestAndSignature() throws IOException {
    Path folder = Files.createDirectories(bank.resolve("310109-001_2026-10_1"));
    Files.writeString(folder.resolve("services.csv"), "id\n");
    Files.writeString(folder.resolve("manifest.json"), "{}");
    pollUntilStable();
    assertThat(submissions.ingested).isEmpty();

    Files.writeString(folder.resolve("manifest.sig"), "sig");
    pollUntilStable();

    assertThat(submissions.ingested).containsExactly(folder);
    assertThat(bank.resolve("done/310109-001_2026-10_1/services.csv")).exists();
    assertThat(bank.resolve("done/310109-001_2026-10_1.receipt.json")).exists();
  }

  @Test
  void ignoresHiddenAndOtherFiles() throws IOException {
    Files.write(bank.resolve(".p.zip.part"), new byte[] {1});
    Files.writeString(bank.resolve("notes.txt"), "hello");
    Files.write(inbox.resolve("loose.zip"), new byte[] {1});

    pollUntilStable();

    assertThat(submissions.ingested).isEmpty();
    assertThat(new InboxScanner().strays(inbox))
        .as("what is warned of: never a delivery, unlike a hidden part still being copied")
        .containsExactlyInAnyOrder(bank.resolve("notes.txt"), inbox.resolve("loose.zip"));
    Files.createDirectories(bank.resolve("310109-001_2026-11_1")); // a folder being copied
    assertThat(new InboxScanner().strays(inbox)).hasSize(2);
  }

  @Test
  void keepsARedeliveryUnderAnotherNameInDone() throws IOException {
    Files.write(bank.resolve("p.zip"), new byte[] {1});
    pollUntilStable();
    Files.write(bank.resolve("p.zip"), new byte[] {1});
    pollUntilStable();

    assertThat(bank.resolve("done/p.zip")).exists();
    assertThat(bank.resolve("done/p-1.zip")).exists();
    assertThat(bank.resolve("done/p-1.receipt.json")).exists();
  }

  @Test
  void movesAPackageWhoseRunFailedToFailedWithTheReason() throws IOException {
    submissions.failure = new IllegalStateException("database down");
    Files.write(bank.resolve("p.zip"), new byte[] {1});

    pollUntilStable();

    assertThat(bank.resolve("failed/p.zip")).exists();
    assertThat(bank.resolve("failed/p.error.txt")).content().contains("database down");
    assertThat(bank.resolve("done")).doesNotExist();
    assertThat(trail.since(Instant.EPOCH, Optional.empty()))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.event().action()).isEqualTo(AuditAction.UPLOAD);
              assertThat(e.event().target()).isEqualTo("p.zip");
              assertThat(e.event().detail()).startsWith("status FAILED").contains("database down");
            });
  }

  @Test
  void leavesPackagesInPlaceWhileIngestionIsNotAvailable() throws IOException {
    poller =
        new InboxPoller(
            inbox,
            new InboxProperties(true, Duration.ofSeconds(2), STABLE),
            new UnavailableSubmissions(),
            new Auditor(trail),
            clock);
    Files.write(bank.resolve("p.zip"), new byte[] {1});

    pollUntilStable();
    clock.advance(STABLE);
    poller.poll();

    assertThat(bank.resolve("p.zip")).exists();
    assertThat(bank.resolve("done")).doesNotExist();
    assertThat(bank.resolve("failed")).doesNotExist();
    assertThat(trail.since(Instant.EPOCH, Optional.empty())).as("nothing was delivered").isEmpty();
  }
}
