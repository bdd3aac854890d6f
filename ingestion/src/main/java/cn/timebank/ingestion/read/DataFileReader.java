package cn.timebank.ingestion.read;

import java.io.InputStream;
import java.util.Iterator;

/**
 * Reads the records of one data file, one at a time, with constant memory: every record the file
 * holds is returned, a broken one as a {@link RawRecord} with its R102 problem, so that a count of
 * the records returned is the file's record count (P005 counts this way). The input is decoded
 * strictly; a byte invalid in the encoding is an {@link java.io.UncheckedIOException} (P008 is
 * checked before a package's records are read). Closing the reader closes the stream.
 */
public interface DataFileReader extends Iterator<RawRecord>, AutoCloseable {

  /**
   * A reader for {@code fileName}: CSV when it ends {@code .csv}, JSON Lines when it ends {@code
   * .jsonl}.
   *
   * @throws IllegalArgumentException for any other name
   */
  static DataFileReader open(
      String fileName, InputStream in, DataEncoding encoding, ReadLimits limits) {
    DataFormat format =
        DataFormat.of(fileName)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        fileName + ": a data file name must end in .csv or .jsonl"));
    CharSource chars = new CharSource(in, encoding);
    return format == DataFormat.CSV
        ? new CsvFileReader(fileName, chars, limits)
        : new JsonLinesFileReader(fileName, chars, limits);
  }

  /** The name of the file being read, as records report it. */
  String fileName();

  @Override
  void close();
}
