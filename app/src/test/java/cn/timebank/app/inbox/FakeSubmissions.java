package cn.timebank.app.inbox;

import cn.timebank.ingestion.Submissions;
import cn.timebank.ingestion.receipt.Counts;
import cn.timebank.ingestion.receipt.Receipt;
import cn.timebank.ingestion.receipt.ReceiptStatus;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Records what it is given and answers each with an ACPT receipt named after the file. */
final class FakeSubmissions implements Submissions {

  final List<Path> ingested = new ArrayList<>();
  RuntimeException failure;

  @Override
  public Receipt ingest(Path delivery) {
    ingested.add(delivery);
    if (failure != null) {
      throw failure;
    }
    return new Receipt(
        "pkg_" + delivery.getFileName().toString().replace('.', '_'),
        "00",
        "310109-001",
        "2026-10",
        1,
        OffsetDateTime.parse("2026-11-05T09:12:44+08:00"),
        null,
        false,
        ReceiptStatus.ACPT,
        Counts.empty(),
        List.of(),
        List.of());
  }

  @Override
  public Optional<Receipt> receipt(String packageId) {
    return Optional.empty();
  }
}
