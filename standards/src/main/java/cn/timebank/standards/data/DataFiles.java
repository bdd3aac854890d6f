package cn.timebank.standards.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads a YAML or JSON data file into a {@link StrictNode}. The format follows the file name:
 * {@code .yaml}/{@code .yml} is YAML, everything else JSON. Syntax errors become a {@link
 * DataFileException} naming the file and the line.
 */
public final class DataFiles {

  private static final ObjectMapper JSON = JsonMapper.builder().build();
  private static final ObjectMapper YAML = YAMLMapper.builder().build();

  private DataFiles() {}

  /** Reads a class-path resource, e.g. {@code "standards/TBHS-2024.1.yaml"}. */
  public static StrictNode readResource(String resource) {
    ClassLoader loader = DataFiles.class.getClassLoader();
    try (InputStream in = loader.getResourceAsStream(resource)) {
      if (in == null) {
        throw new DataFileException(resource, "$", "resource not found on the class path");
      }
      return read(resource, in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads a file from disk; the error messages name it by its file name. */
  public static StrictNode readFile(Path file) {
    String name = file.getFileName().toString();
    if (!Files.isRegularFile(file)) {
      throw new DataFileException(name, "$", "file not found: " + file);
    }
    try (InputStream in = Files.newInputStream(file)) {
      return read(name, in);
    } catch (IOException e) {
      throw new DataFileException(name, "$", "cannot be read: " + e.getMessage(), e);
    }
  }

  /** Reads a stream; {@code name} names the file in error messages and selects the format. */
  public static StrictNode read(String name, InputStream in) {
    ObjectMapper mapper = isYaml(name) ? YAML : JSON;
    try {
      JsonNode root = mapper.readTree(in);
      if (root == null || root.isMissingNode()) {
        throw new DataFileException(name, "$", "the file is empty");
      }
      return new StrictNode(name, "$", root);
    } catch (JacksonException e) {
      String where = e.getLocation() == null ? "$" : "line " + e.getLocation().getLineNr();
      throw new DataFileException(
          name, where, "not valid " + (isYaml(name) ? "YAML" : "JSON") + ": " + reason(e), e);
    }
  }

  /**
   * The parser's reason without its notes on where it read from (a "start marker at [Source:
   * REDACTED …]" that names the parser's settings, not the file): the line is given beside it.
   */
  static String reason(JacksonException e) {
    String reason = String.valueOf(e.getOriginalMessage());
    for (String note : new String[] {" (start marker at", " at [Source"}) {
      int at = reason.indexOf(note);
      if (at > 0) {
        reason = reason.substring(0, at);
      }
    }
    return reason.strip();
  }

  private static boolean isYaml(String name) {
    String lower = name.toLowerCase(java.util.Locale.ROOT);
    return lower.endsWith(".yaml") || lower.endsWith(".yml");
  }
}
