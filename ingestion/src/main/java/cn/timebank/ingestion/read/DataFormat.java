package cn.timebank.ingestion.read;

import java.util.Optional;

/** The two formats of a data file, told apart by the file name (spec §2). */
public enum DataFormat {
  CSV(".csv"),
  JSON_LINES(".jsonl");

  private final String suffix;

  DataFormat(String suffix) {
    this.suffix = suffix;
  }

  /** The format of a file name ending {@code .csv} or {@code .jsonl} (exactly, lower case). */
  public static Optional<DataFormat> of(String fileName) {
    for (DataFormat format : values()) {
      if (fileName.endsWith(format.suffix) && fileName.length() > format.suffix.length()) {
        return Optional.of(format);
      }
    }
    return Optional.empty();
  }

  public String suffix() {
    return suffix;
  }
}
