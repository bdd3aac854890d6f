package cn.timebank.ingestion.read;

/**
 * Guard rails of the data file readers: a record breaking one is reported as R102 for that record
 * only (never an {@link OutOfMemoryError}), and reading goes on with the next record.
 *
 * @param maxFieldChars the longest field, in characters after decoding (default 64 Ki)
 * @param maxRecordChars the longest record, in characters after decoding, separators and quotes
 *     included (default 1 Mi)
 */
public record ReadLimits(int maxFieldChars, int maxRecordChars) {

  public static final int DEFAULT_MAX_FIELD_CHARS = 64 * 1024;
  public static final int DEFAULT_MAX_RECORD_CHARS = 1024 * 1024;

  public ReadLimits {
    if (maxFieldChars < 1 || maxRecordChars < maxFieldChars) {
      throw new IllegalArgumentException(
          "limits must be positive and a record at least as long as a field (were "
              + maxFieldChars
              + ", "
              + maxRecordChars
              + ")");
    }
  }

  public static ReadLimits defaults() {
    return new ReadLimits(DEFAULT_MAX_FIELD_CHARS, DEFAULT_MAX_RECORD_CHARS);
  }
}
