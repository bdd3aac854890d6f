package cn.timebank.app.scoring;

import cn.timebank.app.cli.Command;
import cn.timebank.app.cli.CommandLine;
import cn.timebank.app.cli.Option;
import cn.timebank.scoring.finding.Findings;
import cn.timebank.scoring.finding.FindingsCsv;
import java.io.PrintStream;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * {@code ./timebank findings --period YYYY-MM [--bank BANK]}: the period's stored anomaly findings
 * as CSV: code, bank, participant refs, record refs, detail.
 */
@Component
class FindingsCommand implements Command {

  private final Findings findings;
  private final PrintStream out = System.out;

  FindingsCommand(Findings findings) {
    this.findings = findings;
  }

  @Override
  public String name() {
    return "findings";
  }

  @Override
  public String summary() {
    return "anomaly findings A301-A307 as CSV: findings --period YYYY-MM [--bank BANK]";
  }

  @Override
  public String usage() {
    return "--period YYYY-MM [--bank BANK]";
  }

  @Override
  public int maxArguments() {
    return 0;
  }

  @Override
  public List<Option> options() {
    return List.of(
        Option.value("period", "the scored period, e.g. 2026-10"),
        Option.value("bank", "only findings naming a record of this bank"));
  }

  @Override
  public int run(CommandLine line) {
    out.print(
        FindingsCsv.write(
            findings.stored(ScoringCommands.requiredPeriod(line), line.value("bank"))));
    return 0;
  }
}
