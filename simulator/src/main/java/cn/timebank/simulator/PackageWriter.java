package cn.timebank.simulator;

import cn.timebank.standards.model.FileType;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes one signed package (spec §2): data files one after the other, then {@code manifest.json}
 * and {@code manifest.sig}.
 */
final class PackageWriter implements AutoCloseable {

  /** A file as the manifest lists it. */
  record FileEntry(String name, String type, int records, String sha256) {}

  private final BankProfile bank;
  private final YearMonth period;
  private final int sequence;
  private final KeyPair key;
  private final PackageSink sink;
  private final List<FileEntry> files = new ArrayList<>();
  private OutputStream current;
  private RecordWriter writer;
  private String currentName;
  private String currentType;

  PackageWriter(
      Path dir, BankProfile bank, YearMonth period, int sequence, KeyPair key, boolean folder) {
    this.bank = bank;
    this.period = period;
    this.sequence = sequence;
    this.key = key;
    this.sink =
        PackageSink.create(
            dir,
            baseName(bank.code(), period, sequence),
            folder,
            TimestampText.generatedAt(period));
  }

  static String baseName(String bankCode, YearMonth period, int sequence) {
    return bankCode + "_" + period + "_" + sequence;
  }

  String deliveredName() {
    return sink.deliveredName();
  }

  /** Starts a data file: {@code participants}, {@code services} or {@code transactions}. */
  RecordWriter begin(FileType type, int keepHead) {
    currentName = type.name().toLowerCase(java.util.Locale.ROOT) + bank.extension();
    currentType = type.name();
    current = sink.open(currentName);
    writer = new RecordWriter(current, bank, type.columns(), Columns.NUMERIC, keepHead);
    return writer;
  }

  String currentFile() {
    return currentName;
  }

  /** Ends the current data file and lists it in the manifest. */
  void end() {
    try {
      current.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    files.add(new FileEntry(currentName, currentType, writer.records(), writer.sha256Hex()));
  }

  List<FileEntry> files() {
    return List.copyOf(files);
  }

  /** Writes the manifest and its signature. */
  void finish() {
    byte[] manifest =
        manifest(
            bank.code(),
            period,
            sequence,
            bank.keyId(),
            TimestampText.generatedAt(period),
            bank.encodingName(),
            files);
    sink.writeFile("manifest.json", manifest);
    sink.writeFile(
        "manifest.sig", Keys.sign(key.getPrivate(), manifest).getBytes(StandardCharsets.US_ASCII));
  }

  @Override
  public void close() {
    sink.close();
  }

  static byte[] manifest(
      String bankCode,
      YearMonth period,
      int sequence,
      String keyId,
      LocalDateTime generatedAt,
      String encoding,
      List<FileEntry> files) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("format_version", "1.0");
    m.put("bank_code", bankCode);
    m.put("period", period.toString());
    m.put("sequence", sequence);
    m.put("key_id", keyId);
    m.put("generated_at", TimestampText.format(generatedAt, true));
    m.put("encoding", encoding);
    List<Object> list = new ArrayList<>();
    for (FileEntry f : files) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("name", f.name());
      e.put("type", f.type());
      e.put("records", f.records());
      e.put("sha256", f.sha256());
      list.add(e);
    }
    m.put("files", list);
    return (Json.pretty(m) + "\n").getBytes(StandardCharsets.UTF_8);
  }
}
