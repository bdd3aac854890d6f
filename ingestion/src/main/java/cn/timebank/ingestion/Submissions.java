package cn.timebank.ingestion;

import cn.timebank.ingestion.receipt.Receipt;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The way in for a delivered package, whichever door it comes through (command line, REST upload,
 * drop folder): archive it as received, return the original receipt of an identical re-delivery
 * (unless that one was RJCT), otherwise verify it (P001-P012) and apply its records, and return the
 * receipt. Never throws for what is wrong with the package: that is the receipt's business.
 */
public interface Submissions {

  /** Ingests a ZIP file or a package folder. */
  Receipt ingest(Path delivery);

  /** A stored receipt. */
  Optional<Receipt> receipt(String packageId);
}
