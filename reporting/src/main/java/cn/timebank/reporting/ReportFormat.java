package cn.timebank.reporting;

/** The formats a report is exported to, with the media type and file extension of each. */
public enum ReportFormat {
  /** A4 pages with the Chinese font embedded as a subset. */
  PDF("application/pdf", "pdf"),
  /** One sheet; numbers are numeric cells, formula-like text is neutralised. */
  XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
  /** One page of HTML, UTF-8. */
  HTML("text/html; charset=UTF-8", "html"),
  /**
   * UTF-8 with a byte order mark (so that Excel reads the Chinese); formula-like text neutralised.
   */
  CSV("text/csv; charset=UTF-8", "csv");

  private final String mediaType;
  private final String extension;

  ReportFormat(String mediaType, String extension) {
    this.mediaType = mediaType;
    this.extension = extension;
  }

  public String mediaType() {
    return mediaType;
  }

  public String extension() {
    return extension;
  }

  /** Whether the format is one long page rather than printed pages. */
  boolean ignoresPagination() {
    return this != PDF;
  }
}
