package cn.timebank.simulator;

import java.util.Set;

/**
 * What the simulator adds to the columns of spec §2 (which are {@code standards}' {@link
 * cn.timebank.standards.model.FileType#columns()}): the fields JSON Lines writes as JSON numbers.
 */
final class Columns {

  /** Fields that JSON Lines writes as JSON numbers (spec §2). */
  static final Set<String> NUMERIC =
      Set.of("local_amount", "rating", "disability_level", "standard_minutes");

  private Columns() {}
}
