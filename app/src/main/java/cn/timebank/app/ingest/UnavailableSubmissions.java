package cn.timebank.app.ingest;

import cn.timebank.ingestion.Submissions;
import cn.timebank.ingestion.receipt.Receipt;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Stands in for {@link Submissions} while no pipeline is wired: every call throws {@link
 * IngestionUnavailableException}, which the REST door answers with 503 and the drop folder with
 * leaving the packages where they are.
 */
public final class UnavailableSubmissions implements Submissions {

  @Override
  public Receipt ingest(Path delivery) {
    throw new IngestionUnavailableException();
  }

  @Override
  public Optional<Receipt> receipt(String packageId) {
    throw new IngestionUnavailableException();
  }
}
