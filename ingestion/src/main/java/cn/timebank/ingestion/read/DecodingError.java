package cn.timebank.ingestion.read;

/**
 * Where a file's bytes first stop being valid in its declared encoding (P008).
 *
 * @param line the line of the invalid bytes, the first line being 1
 * @param byteOffset the offset of the first invalid byte from the start of the file
 */
public record DecodingError(long line, long byteOffset) {}
