package cn.timebank.ingestion.verify;

import cn.timebank.ingestion.read.DataEncoding;
import cn.timebank.ingestion.read.DataFormat;
import cn.timebank.standards.codes.ResultCode;
import cn.timebank.standards.data.DataFileException;
import cn.timebank.standards.data.DataFiles;
import cn.timebank.standards.data.StrictNode;
import cn.timebank.standards.model.BankCode;
import cn.timebank.standards.model.FileType;
import cn.timebank.standards.model.Timestamps;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads {@code manifest.json} strictly (P001 for anything wrong): valid UTF-8 JSON, one object,
 * every field present with its type, no unknown key; {@code format_version} {@value
 * Manifest#FORMAT_VERSION}; a well-formed {@code bank_code}; {@code sequence} a whole number &ge;
 * 1; {@code generated_at} ISO-8601; {@code encoding} exactly {@code UTF-8} or {@code GB18030}; at
 * least one file, each a plain name ending {@code .csv}/{@code .jsonl}, no name and no type twice,
 * {@code type} one of PARTICIPANTS/SERVICES/TRANSACTIONS, {@code records} &ge; 0, {@code sha256} 64
 * hex digits (either case). Messages name the field: {@code manifest.json: $.files[1].type: must be
 * one of [...]}.
 */
final class ManifestReader {

  private ManifestReader() {}

  static Manifest read(byte[] bytes) throws Rejection {
    utf8(bytes);
    try {
      StrictNode root = DataFiles.read(PackageNames.MANIFEST, new ByteArrayInputStream(bytes));
      Manifest manifest =
          new Manifest(
              version(root.get("format_version")),
              bankCode(root.get("bank_code")),
              root.get("period").asText(),
              root.get("sequence").asPositiveInt(),
              root.get("key_id").asText(),
              instant(root.get("generated_at")),
              encoding(root.get("encoding")),
              files(root.get("files")));
      root.noOtherKeys();
      return manifest;
    } catch (DataFileException e) {
      throw new Rejection(
          e.path().startsWith("$")
              ? Rejected.atField(ResultCode.P001, e.file(), e.path(), e.problem())
              : Rejected.inFile(ResultCode.P001, e.file(), e.path() + ": " + e.problem()));
    }
  }

  /**
   * The manifest is always UTF-8 (spec §2): bytes invalid in UTF-8 (a UTF-16 byte order mark among
   * them) or a NUL byte (UTF-16 without a mark) are P001 before the JSON parser, which would
   * otherwise detect UTF-16 and UTF-32 on its own, sees them.
   */
  private static void utf8(byte[] bytes) throws Rejection {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    String problem = null;
    try {
      if (decoder.decode(ByteBuffer.wrap(bytes)).chars().anyMatch(c -> c == 0)) {
        problem = "holds a NUL character; it must be UTF-8 text";
      }
    } catch (CharacterCodingException e) {
      problem = "is not valid UTF-8 (the manifest is always UTF-8)";
    }
    if (problem != null) {
      throw new Rejection(Rejected.inFile(ResultCode.P001, PackageNames.MANIFEST, problem));
    }
  }

  private static String version(StrictNode node) {
    String text = node.asText();
    if (!text.equals(Manifest.FORMAT_VERSION)) {
      throw node.error("unknown format_version '" + text + "' (this platform reads 1.0)");
    }
    return text;
  }

  private static BankCode bankCode(StrictNode node) {
    String text = node.asText();
    if (!BankCode.isValid(text)) {
      throw node.error(
          "must be 6 digits, a dash and 3 digits, e.g. 310109-001 (was '" + text + "')");
    }
    return BankCode.of(text);
  }

  private static Instant instant(StrictNode node) {
    String text = node.asText();
    try {
      return Timestamps.parseInstant(text);
    } catch (DateTimeParseException e) {
      throw node.error("must be an ISO-8601 timestamp (was '" + text + "')");
    }
  }

  private static DataEncoding encoding(StrictNode node) {
    String text = node.asText();
    return DataEncoding.fromLabel(text)
        .orElseThrow(() -> node.error("must be UTF-8 or GB18030 (was '" + text + "')"));
  }

  private static List<ManifestFile> files(StrictNode node) {
    List<StrictNode> elements = node.elements();
    if (elements.isEmpty()) {
      throw node.error("must name at least one data file");
    }
    List<ManifestFile> files = new ArrayList<>();
    Set<String> names = new HashSet<>();
    Set<FileType> types = EnumSet.noneOf(FileType.class);
    for (StrictNode element : elements) {
      ManifestFile file = file(element);
      if (!names.add(file.name())) {
        throw element.get("name").error("names '" + file.name() + "' twice");
      }
      if (!types.add(file.type())) {
        throw element.get("type").error("lists a second " + file.type() + " file");
      }
      files.add(file);
    }
    return files;
  }

  private static ManifestFile file(StrictNode node) {
    StrictNode nameNode = node.get("name");
    String name = nameNode.asText();
    if (DataFormat.of(name).isEmpty() || PackageNames.problem(name).isPresent()) {
      throw nameNode.error("must be a plain file name ending .csv or .jsonl (was '" + name + "')");
    }
    FileType type = node.get("type").asEnum(FileType.class);
    long records = node.get("records").asNonNegativeLong();
    StrictNode shaNode = node.get("sha256");
    String sha = shaNode.asText().toLowerCase(Locale.ROOT);
    if (!sha.matches("[0-9a-f]{64}")) {
      throw shaNode.error("must be 64 hex digits");
    }
    node.noOtherKeys();
    return new ManifestFile(name, type, records, sha);
  }
}
