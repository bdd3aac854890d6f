package cn.timebank.app.scoring;

import cn.timebank.app.cli.Command;
import cn.timebank.app.cli.CommandLine;
import cn.timebank.app.cli.Option;
import cn.timebank.app.report.ReportArchive;
import cn.timebank.scoring.job.ScoreJobRunner;
import cn.timebank.standards.model.Period;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;

/**
 * {@code ./timebank score --period YYYY-MM}: runs the Spring Batch job {@code score} for the period
 * (findings, scores, bank ratings, PSI). Rerunnable: the period's rows are replaced. When the
 * period's due date has passed, its compliance reports and overviews are then kept ({@link
 * ReportArchive}; never overwritten).
 */
@Component
class ScoreCommand implements Command {

  private final ScoreJobRunner runner;
  private final ReportArchive archive;
  private final Clock clock;
  private final PrintStream out = System.out;

  ScoreCommand(ScoreJobRunner runner, ReportArchive archive, Clock clock) {
    this.runner = runner;
    this.archive = archive;
    this.clock = clock;
  }

  @Override
  public String name() {
    return "score";
  }

  @Override
  public String summary() {
    return "score participants, find anomalies, rate banks for a period: score --period YYYY-MM";
  }

  @Override
  public String usage() {
    return "--period YYYY-MM";
  }

  @Override
  public int maxArguments() {
    return 0;
  }

  @Override
  public List<Option> options() {
    return List.of(Option.value("period", "the period to score, e.g. 2026-10"));
  }

  @Override
  public int run(CommandLine line) throws Exception {
    Period period = ScoringCommands.requiredPeriod(line);
    JobExecution execution = runner.run(period);
    out.printf("scored %s (job execution %d)%n", period, execution.getId());
    for (StepExecution step : execution.getStepExecutions()) {
      out.printf(
          "  %-16s %s  read %d  written %d%n",
          step.getStepName(), step.getStatus(), step.getReadCount(), step.getWriteCount());
    }
    List<Path> kept = archive.keep(period.month(), clock.instant());
    if (!kept.isEmpty()) {
      out.printf("kept %d reports of %s in %s%n", kept.size(), period, archive.root());
    }
    return 0;
  }
}
