package cn.timebank.standards.data;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * A node of a data file that knows where it is ({@code $.catalogue[2].weight}) and refuses what it
 * does not expect. Every accessor fails with a {@link DataFileException} naming the file, the path
 * and the problem: a missing key, a wrong type, a negative number, an unknown key.
 *
 * <p>Typical use: read the keys an object must and may have, then call {@link #noOtherKeys()} so
 * that a misspelt key is an error rather than silently ignored.
 */
public final class StrictNode {

  private final String file;
  private final String path;
  private final JsonNode node;
  private final Set<String> consumed = new LinkedHashSet<>();

  StrictNode(String file, String path, JsonNode node) {
    this.file = file;
    this.path = path;
    this.node = node;
  }

  public String file() {
    return file;
  }

  public String path() {
    return path;
  }

  /** An error at this node. */
  public DataFileException error(String problem) {
    return new DataFileException(file, path, problem);
  }

  /** True when the node is absent or JSON null. */
  public boolean isNull() {
    return node == null || node.isNull() || node.isMissingNode();
  }

  public boolean isObject() {
    return node != null && node.isObject();
  }

  public boolean isArray() {
    return node != null && node.isArray();
  }

  /** True when this object has {@code key} with a non-null value. */
  public boolean has(String key) {
    requireObject();
    JsonNode child = node.get(key);
    return child != null && !child.isNull();
  }

  /** The required child {@code key} of this object. */
  public StrictNode get(String key) {
    requireObject();
    consumed.add(key);
    JsonNode child = node.get(key);
    if (child == null || child.isNull()) {
      throw new DataFileException(file, path + "." + key, "is required but missing");
    }
    return new StrictNode(file, path + "." + key, child);
  }

  /** The optional child {@code key} of this object (absent or null gives empty). */
  public Optional<StrictNode> optional(String key) {
    requireObject();
    consumed.add(key);
    JsonNode child = node.get(key);
    if (child == null || child.isNull()) {
      return Optional.empty();
    }
    return Optional.of(new StrictNode(file, path + "." + key, child));
  }

  /** Fails when this object has a key that no accessor asked for. */
  public void noOtherKeys() {
    requireObject();
    Iterator<String> names = node.propertyNames().iterator();
    while (names.hasNext()) {
      String name = names.next();
      if (!consumed.contains(name)) {
        throw new DataFileException(file, path + "." + name, "unknown key");
      }
    }
  }

  /** The elements of this array. */
  public List<StrictNode> elements() {
    if (!isArray()) {
      throw error("must be a list");
    }
    List<StrictNode> out = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      out.add(new StrictNode(file, path + "[" + i + "]", node.get(i)));
    }
    return out;
  }

  /** The entries of this object as (key, node), in file order. Marks every key as consumed. */
  public Map<String, StrictNode> entries() {
    requireObject();
    Map<String, StrictNode> out = new LinkedHashMap<>();
    Iterator<String> names = node.propertyNames().iterator();
    while (names.hasNext()) {
      String name = names.next();
      consumed.add(name);
      out.put(name, new StrictNode(file, path + "." + name, node.get(name)));
    }
    return out;
  }

  public String asText() {
    if (node == null || !node.isString()) {
      throw error("must be a string");
    }
    String text = node.asString();
    if (text.isBlank()) {
      throw error("must not be blank");
    }
    return text;
  }

  public boolean asBoolean() {
    if (node == null || !node.isBoolean()) {
      throw error("must be true or false");
    }
    return node.asBoolean();
  }

  /** A whole number; YAML/JSON decimals such as 1.5 are refused. */
  public long asLong() {
    if (node == null || !node.isIntegralNumber()) {
      throw error("must be a whole number");
    }
    return node.asLong();
  }

  public long asNonNegativeLong() {
    long value = asLong();
    if (value < 0) {
      throw error("must not be negative (was " + value + ")");
    }
    return value;
  }

  public int asPositiveInt() {
    long value = asLong();
    if (value <= 0 || value > Integer.MAX_VALUE) {
      throw error("must be a positive whole number (was " + value + ")");
    }
    return (int) value;
  }

  /** An exact decimal: read from the file's text, never through a double. */
  public BigDecimal asDecimal() {
    if (node == null || !node.isNumber()) {
      throw error("must be a number");
    }
    return new BigDecimal(node.asString()).stripTrailingZeros();
  }

  public BigDecimal asNonNegativeDecimal() {
    BigDecimal value = asDecimal();
    if (value.signum() < 0) {
      throw error("must not be negative (was " + value.toPlainString() + ")");
    }
    return value;
  }

  /** An ISO date {@code YYYY-MM-DD}. */
  public LocalDate asDate() {
    String text = asText();
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw error("must be a date YYYY-MM-DD (was '" + text + "')");
    }
  }

  /** One of the constants of {@code type}, by name. */
  public <E extends Enum<E>> E asEnum(Class<E> type) {
    String text = asText();
    try {
      return Enum.valueOf(type, text);
    } catch (IllegalArgumentException e) {
      List<String> allowed = new ArrayList<>();
      for (E constant : type.getEnumConstants()) {
        allowed.add(constant.name());
      }
      throw error("must be one of " + allowed + " (was '" + text + "')");
    }
  }

  /** Maps each element of this array with {@code reader}. */
  public <T> List<T> list(Function<StrictNode, T> reader) {
    List<T> out = new ArrayList<>();
    for (StrictNode element : elements()) {
      out.add(reader.apply(element));
    }
    return out;
  }

  private void requireObject() {
    if (!isObject()) {
      throw error("must be an object (a map of keys)");
    }
  }

  @Override
  public String toString() {
    return file + ":" + path;
  }
}
