package cn.timebank.ingestion.receipt;

/** Records of one data file: read, accepted and rejected (read = accepted + rejected). */
public record FileCount(long read, long accepted, long rejected) {

  public FileCount {
    if (read < 0 || accepted < 0 || rejected < 0 || accepted + rejected != read) {
      throw new IllegalArgumentException(
          "read must equal accepted + rejected: " + read + ", " + accepted + ", " + rejected);
    }
  }
}
