package cn.timebank.simulator;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * Writes one data file (CSV with header, or JSON Lines) in the bank's encoding, BOM and line end,
 * hashing and counting while it writes. It keeps the first few encoded lines for the bad packages.
 */
final class RecordWriter {

  private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private final OutputStream out;
  private final Charset charset;
  private final String lineEnd;
  private final boolean jsonl;
  private final List<String> columns;
  private final boolean[] numeric;
  private final MessageDigest sha;
  private final int keepHead;
  private final List<byte[]> head = new ArrayList<>();
  private final StringBuilder line = new StringBuilder(256);
  private byte[] headerBytes = new byte[0];
  private byte[] bomBytes = new byte[0];
  private int records;

  RecordWriter(
      OutputStream out,
      BankProfile bank,
      List<String> columns,
      Set<String> numericColumns,
      int keepHead) {
    this.out = out;
    this.charset = bank.charset();
    this.lineEnd = bank.crlf() ? "\r\n" : "\n";
    this.jsonl = bank.jsonl();
    this.columns = columns;
    this.numeric = new boolean[columns.size()];
    for (int i = 0; i < columns.size(); i++) {
      numeric[i] = numericColumns.contains(columns.get(i));
    }
    this.keepHead = keepHead;
    try {
      this.sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    if (bank.bom() && charset.equals(StandardCharsets.UTF_8)) {
      bomBytes = UTF8_BOM;
      emit(UTF8_BOM);
    }
    if (!jsonl) {
      headerBytes = (String.join(",", columns) + lineEnd).getBytes(charset);
      emit(headerBytes);
    }
  }

  /** The physical line number of the first record: 2 in CSV (after the header), 1 in JSON Lines. */
  int firstLine() {
    return jsonl ? 1 : 2;
  }

  /**
   * Writes one record (values in column order, {@code null} or empty = absent); returns its line.
   */
  int write(String[] values) {
    line.setLength(0);
    if (jsonl) {
      line.append('{');
      boolean first = true;
      for (int i = 0; i < values.length; i++) {
        String v = values[i];
        if (v == null || v.isEmpty()) {
          continue;
        }
        if (!first) {
          line.append(',');
        }
        first = false;
        Json.string(line, columns.get(i));
        line.append(':');
        if (numeric[i] && isNumber(v)) {
          line.append(v);
        } else {
          Json.string(line, v);
        }
      }
      line.append('}');
    } else {
      for (int i = 0; i < values.length; i++) {
        if (i > 0) {
          line.append(',');
        }
        appendCsv(values[i]);
      }
    }
    line.append(lineEnd);
    byte[] bytes = line.toString().getBytes(charset);
    if (head.size() < keepHead) {
      head.add(bytes);
    }
    emit(bytes);
    records++;
    return firstLine() + records - 1;
  }

  private void appendCsv(String v) {
    if (v == null) {
      return;
    }
    boolean quote = false;
    for (int i = 0; i < v.length() && !quote; i++) {
      char c = v.charAt(i);
      quote = c == ',' || c == '"' || c == '\n' || c == '\r';
    }
    if (!quote) {
      line.append(v);
      return;
    }
    line.append('"').append(v.replace("\"", "\"\"")).append('"');
  }

  private static boolean isNumber(String v) {
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if ((c < '0' || c > '9') && !(i == 0 && c == '-')) {
        return false;
      }
    }
    return !v.isEmpty();
  }

  private void emit(byte[] bytes) {
    sha.update(bytes);
    try {
      out.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  int records() {
    return records;
  }

  String sha256Hex() {
    return HexFormat.of().formatHex(sha.digest());
  }

  /** The file's opening bytes: BOM, header, kept lines (for building small bad packages). */
  Head head() {
    return new Head(bomBytes, headerBytes, List.copyOf(head));
  }

  /** The first lines of a written file, encoded as written. */
  record Head(byte[] bom, byte[] header, List<byte[]> lines) {}
}
