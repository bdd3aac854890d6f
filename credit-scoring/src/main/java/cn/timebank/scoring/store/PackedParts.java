package cn.timebank.scoring.store;

import cn.timebank.scoring.scorecard.PartialScore;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The parts of one score as one text ({@code cs_score_part_sets.packed_parts}): per characteristic,
 * in scorecard order, its name, value, bin, partial points, baseline points and reason code; fields
 * separated by {@code |}, characteristics by {@code ;}; {@code \} escapes {@code \}, {@code |} and
 * {@code ;}, and {@code \N} is a missing value. Points are written with two decimals, half-up, as
 * the {@code numeric(9, 2)} columns of {@code cs_score_parts} held them, so {@link #unpack} gives
 * the parts that table gave.
 */
final class PackedParts {

  /** The column's size. */
  static final int MAX_LENGTH = 4000;

  private static final int FIELDS = 6;

  private PackedParts() {}

  static String pack(List<PartialScore> parts) {
    StringBuilder text = new StringBuilder(64 * parts.size());
    for (PartialScore part : parts) {
      if (text.length() > 0) {
        text.append(';');
      }
      field(text, part.characteristic()).append('|');
      String value = part.value().text().orElse(null);
      if (value == null) {
        text.append("\\N");
      } else {
        field(text, value);
      }
      text.append('|');
      field(text, part.bin()).append('|');
      text.append(points(part.points())).append('|');
      text.append(points(part.baseline())).append('|');
      field(text, part.reasonCode());
    }
    if (text.length() > MAX_LENGTH) {
      throw new IllegalArgumentException(
          "the parts of a score take " + text.length() + " characters, more than " + MAX_LENGTH);
    }
    return text.toString();
  }

  static List<StoredScore.Part> unpack(String packed) {
    List<StoredScore.Part> parts = new ArrayList<>();
    List<@Nullable String> fields = new ArrayList<>(FIELDS);
    StringBuilder field = new StringBuilder();
    boolean missing = false;
    for (int i = 0; i <= packed.length(); i++) {
      char c = i < packed.length() ? packed.charAt(i) : ';';
      if (c == '\\') {
        if (i + 1 >= packed.length()) {
          throw new IllegalArgumentException("packed parts end with an escape: " + packed);
        }
        char next = packed.charAt(++i);
        if (next == 'N') {
          missing = true;
        } else {
          field.append(next);
        }
      } else if (c == '|' || c == ';') {
        fields.add(missing ? null : field.toString());
        field.setLength(0);
        missing = false;
        if (c == ';') {
          parts.add(part(parts.size() + 1, fields, packed));
          fields.clear();
        }
      } else {
        field.append(c);
      }
    }
    return List.copyOf(parts);
  }

  private static StoredScore.Part part(int no, List<@Nullable String> fields, String packed) {
    if (fields.size() != FIELDS) {
      throw malformed(no, packed);
    }
    String name = fields.get(0);
    String bin = fields.get(2);
    String points = fields.get(3);
    String baseline = fields.get(4);
    String reason = fields.get(5);
    if (name == null || bin == null || points == null || baseline == null || reason == null) {
      throw malformed(no, packed);
    }
    return new StoredScore.Part(
        no, name, fields.get(1), bin, new BigDecimal(points), new BigDecimal(baseline), reason);
  }

  private static IllegalArgumentException malformed(int no, String packed) {
    return new IllegalArgumentException("part " + no + " of packed parts is malformed: " + packed);
  }

  private static StringBuilder field(StringBuilder text, String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\\' || c == '|' || c == ';') {
        text.append('\\');
      }
      text.append(c);
    }
    return text;
  }

  private static String points(BigDecimal points) {
    return points.setScale(2, RoundingMode.HALF_UP).toPlainString();
  }
}
