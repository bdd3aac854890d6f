package cn.timebank.simulator;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * One broken package per P code, in {@code out/bad}, each built from the first records of the first
 * bank and failing only its own check: every check with a lower number passes. Where a package
 * needs prior state (P007) the truth line says so in {@code requires}. Each uses its own (bank,
 * period, sequence) so that no earlier delivery turns it into a P007.
 */
final class BadPackages {

  private record DataFile(String name, String type, byte[] bytes, int records) {}

  private final Path dir;
  private final boolean folders;
  private final BankProfile bank;
  private final KeyPair key;
  private final YearMonth period;
  private final List<DataFile> base = new ArrayList<>();
  private final Truth truth;
  private final List<String> written = new ArrayList<>();

  BadPackages(
      Path out,
      boolean folders,
      BankProfile bank,
      KeyPair key,
      YearMonth period,
      Map<String, RecordWriter.Head> heads,
      Truth truth) {
    this.dir = out.resolve("bad");
    this.folders = folders;
    this.bank = bank;
    this.key = key;
    this.period = period;
    this.truth = truth;
    heads.forEach(
        (name, head) -> {
          ByteArrayOutputStream bytes = new ByteArrayOutputStream();
          bytes.writeBytes(head.bom());
          bytes.writeBytes(head.header());
          head.lines().forEach(bytes::writeBytes);
          String type = name.substring(0, name.indexOf('.')).toUpperCase(java.util.Locale.ROOT);
          base.add(new DataFile(name, type, bytes.toByteArray(), head.lines().size()));
        });
  }

  List<String> writeAll(BankProfile suspended, KeyPair suspendedKey, KeyPair wrongKey) {
    // P001: manifest.json is not JSON (cut in the middle), signed as it is
    byte[] manifest = manifest(bank, period, 1, base);
    byte[] cut = java.util.Arrays.copyOf(manifest, manifest.length / 2);
    write(
        "P001",
        bank,
        period,
        1,
        base,
        cut,
        key,
        List.of(),
        null,
        "manifest.json cut in half: not JSON",
        "");
    // P002: signed by a key that is not the bank's
    YearMonth p2 = period.minusMonths(7);
    write(
        "P002",
        bank,
        p2,
        1,
        base,
        manifest(bank, p2, 1, base),
        wrongKey,
        List.of(),
        "manifest.sig",
        "signature by a key that is not registered",
        "");
    // P003: a registered bank whose status is SUSPENDED (its own key verifies)
    write(
        "P003",
        suspended,
        period,
        1,
        base,
        manifest(suspended, period, 1, base),
        suspendedKey,
        List.of(),
        null,
        "bank " + suspended.code() + " is SUSPENDED in registry.json",
        "");
    // P004: services changed after hashing (one digit)
    YearMonth p4 = period.minusMonths(1);
    List<DataFile> changed = new ArrayList<>(base);
    DataFile services = find("SERVICES");
    byte[] flipped = services.bytes().clone();
    for (int i = flipped.length - 1; i >= 0; i--) {
      if (flipped[i] >= '0' && flipped[i] <= '9') {
        flipped[i] = (byte) (flipped[i] == '9' ? '0' : flipped[i] + 1);
        break;
      }
    }
    changed.set(
        base.indexOf(services),
        new DataFile(services.name(), services.type(), flipped, services.records()));
    write(
        "P004",
        bank,
        p4,
        1,
        changed,
        manifest(bank, p4, 1, base),
        key,
        List.of(),
        services.name(),
        "one digit of the last service changed after hashing",
        "");
    // P005: one record more declared than the transactions file has
    YearMonth p5 = period.minusMonths(2);
    List<DataFile> declared = new ArrayList<>(base);
    DataFile txns = find("TRANSACTIONS");
    declared.set(
        base.indexOf(txns),
        new DataFile(txns.name(), txns.type(), txns.bytes(), txns.records() + 1));
    write(
        "P005",
        bank,
        p5,
        1,
        base,
        manifest(bank, p5, 1, declared),
        key,
        List.of(),
        txns.name(),
        "manifest declares one transaction more than the file has",
        "");
    // P006: a period twenty years ahead
    YearMonth p6 = period.plusYears(20);
    write(
        "P006",
        bank,
        p6,
        1,
        base,
        manifest(bank, p6, 1, base),
        key,
        List.of(),
        null,
        "period " + p6 + " is in the future",
        "");
    // P007: the good package's bank, period and sequence with other bytes
    write(
        "P007",
        bank,
        period,
        1,
        base,
        manifest(bank, period, 1, base),
        key,
        List.of(),
        null,
        "same bank, period and sequence as the good package, other content",
        "the good package " + PackageWriter.baseName(bank.code(), period, 1) + " delivered first");
    // P008: one participant line encoded in GB18030 inside a UTF-8 file
    YearMonth p8 = period.minusMonths(3);
    List<DataFile> mixed = new ArrayList<>(base);
    DataFile participants = find("PARTICIPANTS");
    mixed.set(
        base.indexOf(participants),
        new DataFile(
            participants.name(),
            participants.type(),
            gbLine(participants),
            participants.records()));
    write(
        "P008",
        bank,
        p8,
        1,
        mixed,
        manifest(bank, p8, 1, mixed),
        key,
        List.of(),
        participants.name(),
        "first participant line encoded in GB18030, declared UTF-8",
        "");
    // P009: a file the manifest does not name
    YearMonth p9 = period.minusMonths(4);
    DataFile extra =
        new DataFile("说明.txt", "", "本报送包由模拟器生成。\n".getBytes(StandardCharsets.UTF_8), 0);
    write(
        "P009",
        bank,
        p9,
        1,
        base,
        manifest(bank, p9, 1, base),
        key,
        List.of(extra),
        extra.name(),
        "unnamed file 说明.txt in the package",
        "");
    // P010: services.csv without its service_ref column
    YearMonth p10 = period.minusMonths(5);
    List<DataFile> cutColumn = new ArrayList<>(base);
    cutColumn.set(
        base.indexOf(services),
        new DataFile(
            services.name(),
            services.type(),
            dropFirstColumn(services.bytes()),
            services.records()));
    write(
        "P010",
        bank,
        p10,
        1,
        cutColumn,
        manifest(bank, p10, 1, cutColumn),
        key,
        List.of(),
        services.name(),
        "services header lacks service_ref",
        "");
    // P011: a correction (sequence 2) of 2024-06, whose window closed in 2025
    YearMonth p11 = YearMonth.of(2024, 6);
    write(
        "P011",
        bank,
        p11,
        2,
        base,
        manifest(bank, p11, 2, base),
        key,
        List.of(),
        null,
        "correction of 2024-06 after the 12-month correction window",
        "nothing: the window check (P011) comes before the order check (P012); received after 2025-07");
    // P012: sequence 3 for a period never delivered
    YearMonth p12 = period.minusMonths(6);
    write(
        "P012",
        bank,
        p12,
        3,
        base,
        manifest(bank, p12, 3, base),
        key,
        List.of(),
        null,
        "sequence 3 for a new period",
        "no package of " + p12 + " accepted; received within its correction window");
    return written;
  }

  private DataFile find(String type) {
    return base.stream().filter(f -> f.type().equals(type)).findFirst().orElseThrow();
  }

  private void write(
      String code,
      BankProfile as,
      YearMonth p,
      int sequence,
      List<DataFile> files,
      byte[] manifest,
      KeyPair signer,
      List<DataFile> extra,
      String file,
      String note,
      String requires) {
    String name = code + "_" + PackageWriter.baseName(as.code(), p, sequence);
    try (PackageSink sink =
        PackageSink.create(dir, name, folders, TimestampText.generatedAt(period))) {
      for (DataFile f : files) {
        sink.writeFile(f.name(), f.bytes());
      }
      for (DataFile f : extra) {
        sink.writeFile(f.name(), f.bytes());
      }
      sink.writeFile("manifest.json", manifest);
      sink.writeFile(
          "manifest.sig",
          Keys.sign(signer.getPrivate(), manifest).getBytes(StandardCharsets.US_ASCII));
      String delivered = "bad/" + sink.deliveredName();
      written.add(delivered);
      truth.badPackage(delivered, code, file, note, requires.isEmpty() ? null : requires);
    }
  }

  private byte[] manifest(BankProfile as, YearMonth p, int sequence, List<DataFile> files) {
    List<PackageWriter.FileEntry> entries = new ArrayList<>();
    for (DataFile f : files) {
      entries.add(new PackageWriter.FileEntry(f.name(), f.type(), f.records(), sha256(f.bytes())));
    }
    return PackageWriter.manifest(
        as.code(),
        p,
        sequence,
        as.keyId(),
        TimestampText.generatedAt(p),
        bank.encodingName(),
        entries);
  }

  /** The file with its first record re-encoded in GB18030 (invalid as UTF-8: P008). */
  private static byte[] gbLine(DataFile file) {
    String text = new String(file.bytes(), StandardCharsets.UTF_8);
    int headerEnd = text.indexOf('\n') + 1;
    int firstEnd = text.indexOf('\n', headerEnd) + 1;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(text.substring(0, headerEnd).getBytes(StandardCharsets.UTF_8));
    out.writeBytes(text.substring(headerEnd, firstEnd).getBytes(Charset.forName("GB18030")));
    out.writeBytes(text.substring(firstEnd).getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  /** Every line without its first column (the simulator's services have no quoted commas). */
  private static byte[] dropFirstColumn(byte[] bytes) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    String bom = text.startsWith("\uFEFF") ? "\uFEFF" : "";
    StringBuilder out = new StringBuilder(bom);
    for (String line : text.substring(bom.length()).split("(?<=\n)")) {
      out.append(line.substring(line.indexOf(',') + 1));
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
