package cn.timebank.app.scoring;

import cn.timebank.app.cli.CommandLine;
import cn.timebank.app.cli.UsageException;
import cn.timebank.standards.model.Period;

/** What the scoring commands share: reading {@code --period}. */
final class ScoringCommands {

  private ScoringCommands() {}

  static Period requiredPeriod(CommandLine line) {
    return line.period("period")
        .map(Period::new)
        .orElseThrow(() -> new UsageException("--period YYYY-MM is required"));
  }
}
