package cn.timebank.app.scoring;

import cn.timebank.app.cli.Command;
import cn.timebank.app.cli.CommandLine;
import cn.timebank.app.cli.Option;
import cn.timebank.scoring.job.ScoreJobRunner;
import cn.timebank.standards.model.Period;
import java.io.PrintStream;
import java.util.List;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;

/**
 * {@code ./timebank score --period YYYY-MM}: runs the Spring Batch job {@code score} for the period
 * (findings, scores, bank ratings, PSI). Rerunnable: the period's rows are replaced.
 */
@Component
class ScoreCommand implements Command {

  private final ScoreJobRunner runner;
  private final PrintStream out = System.out;

  ScoreCommand(ScoreJobRunner runner) {
    this.runner = runner;
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
    return 0;
  }
}
