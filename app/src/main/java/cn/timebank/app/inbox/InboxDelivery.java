package cn.timebank.app.inbox;

import cn.timebank.app.audit.Auditor;
import cn.timebank.app.audit.Caller;
import cn.timebank.app.ingest.IngestionUnavailableException;
import cn.timebank.ingestion.Submissions;
import cn.timebank.ingestion.receipt.Receipt;
import cn.timebank.ingestion.receipt.ReceiptJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes one package out of a drop folder: ingests it, then moves it to {@code done/} with its
 * receipt beside it ({@code NAME.receipt.json}), or to {@code failed/} with {@code NAME.error.txt}
 * when the run itself failed. A package whose receipt is RJCT was processed: it goes to {@code
 * done/}. While ingestion is not available the package stays where it is. Each delivery, processed
 * or failed, is an {@code UPLOAD} in the audit trail, by {@code inbox} from {@code
 * inbox:BANK_FOLDER}.
 */
final class InboxDelivery {

  private static final Logger log = LoggerFactory.getLogger(InboxDelivery.class);

  private final Submissions submissions;
  private final Auditor auditor;

  InboxDelivery(Submissions submissions, Auditor auditor) {
    this.submissions = submissions;
    this.auditor = auditor;
  }

  /** Returns where the package went. */
  Path deliver(Arrival arrival) throws IOException {
    Path folder = arrival.path().getParent();
    Receipt receipt;
    try {
      receipt = submissions.ingest(arrival.path());
    } catch (IngestionUnavailableException e) {
      throw e;
    } catch (RuntimeException e) {
      log.error("drop folder: ingesting {} failed", arrival.path(), e);
      auditor.uploadFailed(caller(arrival), arrival.name(), e);
      Path moved = moveAside(arrival.path(), folder.resolve(InboxScanner.FAILED));
      write(moved, ".error.txt", "ingestion failed / 接收失败: " + e + System.lineSeparator());
      return moved;
    }
    auditor.upload(caller(arrival), arrival.name(), receipt);
    Path moved = moveAside(arrival.path(), folder.resolve(InboxScanner.DONE));
    write(moved, ".receipt.json", ReceiptJson.writePretty(receipt));
    log.info(
        "drop folder: {} from folder {} → {} ({}, package {})",
        arrival.name(),
        arrival.bankFolder(),
        moved,
        receipt.status(),
        receipt.packageId());
    return moved;
  }

  private static Caller caller(Arrival arrival) {
    return Caller.inbox(arrival.bankFolder());
  }

  /** Moves into {@code target}, as {@code NAME-1.zip}, {@code NAME-2.zip}... if taken. */
  private static Path moveAside(Path source, Path target) throws IOException {
    Files.createDirectories(target);
    String name = source.getFileName().toString();
    String stem = stem(name);
    String extension = name.substring(stem.length());
    Path destination = target.resolve(name);
    for (int n = 1;
        Files.exists(destination) || Files.exists(sibling(destination, ".receipt.json"));
        n++) {
      destination = target.resolve(stem + "-" + n + extension);
    }
    return Files.move(source, destination);
  }

  private static void write(Path moved, String suffix, String text) throws IOException {
    Path file = sibling(moved, suffix);
    Path partial = file.resolveSibling("." + file.getFileName() + ".part");
    Files.writeString(partial, text, StandardCharsets.UTF_8);
    Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static Path sibling(Path moved, String suffix) {
    return moved.resolveSibling(stem(moved.getFileName().toString()) + suffix);
  }

  private static String stem(String name) {
    return name.toLowerCase(Locale.ROOT).endsWith(".zip")
        ? name.substring(0, name.length() - 4)
        : name;
  }
}
