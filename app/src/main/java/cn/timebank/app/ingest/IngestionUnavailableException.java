package cn.timebank.app.ingest;

/** No ingestion pipeline is wired into this build: packages can be neither taken nor looked up. */
public class IngestionUnavailableException extends RuntimeException {

  public IngestionUnavailableException() {
    super("ingestion not available: no Submissions pipeline in this build");
  }
}
