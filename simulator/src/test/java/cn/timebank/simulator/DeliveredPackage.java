package cn.timebank.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * A package as an outsider reads it: the raw bytes of every file (ZIP or folder), and its data
 * files decoded strictly and parsed into records with their line numbers. Test-only, written
 * without the simulator's classes.
 */
record DeliveredPackage(String name, Map<String, byte[]> files) {

  static final ObjectMapper JSON = JsonMapper.builder().build();

  /** One record: its physical line number and its fields (absent = empty string). */
  record Row(int line, Map<String, String> fields, Map<String, JsonNode> raw) {
    String get(String field) {
      return fields.getOrDefault(field, "");
    }
  }

  static DeliveredPackage read(Path path) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    try {
      if (Files.isDirectory(path)) {
        try (Stream<Path> list = Files.list(path)) {
          for (Path p : list.sorted().toList()) {
            files.put(p.getFileName().toString(), Files.readAllBytes(p));
          }
        }
      } else {
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(path))) {
          for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
            files.put(e.getName(), zip.readAllBytes());
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new DeliveredPackage(path.getFileName().toString(), files);
  }

  static List<Path> list(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().matches("\\d{6}-\\d{3}_.*"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  JsonNode manifest() {
    return JSON.readTree(files.get("manifest.json"));
  }

  String encoding() {
    return manifest().get("encoding").asString();
  }

  /** Strict decoding in the declared encoding; empty when the bytes are not valid in it. */
  Optional<String> decode(String file) {
    Charset charset =
        encoding().equals("GB18030") ? Charset.forName("GB18030") : StandardCharsets.UTF_8;
    try {
      String text =
          charset
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(files.get(file)))
              .toString();
      return Optional.of(text.startsWith("\uFEFF") ? text.substring(1) : text);
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }

  /** The header of a CSV file. */
  List<String> header(String file) {
    String text = decode(file).orElseThrow();
    return List.of(text.lines().findFirst().orElse("").split(",", -1));
  }

  /** Records of a data file of the given type, with line numbers as the spec counts them. */
  List<Row> rows(String type) {
    for (JsonNode f : manifest().get("files")) {
      if (f.get("type").asString().equals(type)) {
        return rowsOf(f.get("name").asString());
      }
    }
    return List.of();
  }

  String fileOf(String type) {
    for (JsonNode f : manifest().get("files")) {
      if (f.get("type").asString().equals(type)) {
        return f.get("name").asString();
      }
    }
    throw new IllegalArgumentException(type);
  }

  List<Row> rowsOf(String file) {
    String text = decode(file).orElseThrow();
    List<String> lines = text.lines().toList();
    List<Row> rows = new ArrayList<>();
    if (file.endsWith(".jsonl")) {
      for (int i = 0; i < lines.size(); i++) {
        JsonNode node = JSON.readTree(lines.get(i));
        Map<String, String> fields = new LinkedHashMap<>();
        Map<String, JsonNode> raw = new LinkedHashMap<>();
        node.properties()
            .forEach(
                e -> {
                  raw.put(e.getKey(), e.getValue());
                  fields.put(e.getKey(), e.getValue().isNull() ? "" : e.getValue().asString());
                });
        rows.add(new Row(i + 1, fields, raw));
      }
    } else {
      String[] header = lines.get(0).split(",", -1);
      for (int i = 1; i < lines.size(); i++) {
        String[] values = lines.get(i).split(",", -1);
        Map<String, String> fields = new LinkedHashMap<>();
        for (int c = 0; c < header.length; c++) {
          fields.put(header[c], c < values.length ? values[c] : "");
        }
        rows.add(new Row(i + 1, fields, Map.of()));
      }
    }
    return rows;
  }
}
