package cn.timebank.scoring.job;

import cn.timebank.standards.model.Period;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;

/**
 * Runs the {@code score} job for a period. Each run is a new job instance (parameters {@code
 * period} and {@code run}, a number growing with the clock), so a period can be scored again; the
 * steps replace the period's rows, so a rerun over the same ledger gives identical rows.
 */
public final class ScoreJobRunner {

  private static final AtomicLong LAST_RUN = new AtomicLong();

  private final JobOperator jobOperator;
  private final Job scoreJob;

  public ScoreJobRunner(JobOperator jobOperator, Job scoreJob) {
    this.jobOperator = jobOperator;
    this.scoreJob = scoreJob;
  }

  /** Runs the job to its end; throws when it did not complete. */
  public JobExecution run(Period period) throws Exception {
    JobParameters parameters =
        new JobParametersBuilder()
            .addString("period", period.toString())
            .addLong("run", nextRun())
            .toJobParameters();
    JobExecution execution = jobOperator.start(scoreJob, parameters);
    if (execution.getStatus() != BatchStatus.COMPLETED) {
      Throwable cause =
          execution.getAllFailureExceptions().isEmpty()
              ? null
              : execution.getAllFailureExceptions().get(0);
      throw new IllegalStateException(
          "the score job for " + period + " ended " + execution.getStatus(), cause);
    }
    return execution;
  }

  private static long nextRun() {
    return LAST_RUN.updateAndGet(last -> Math.max(last + 1, System.currentTimeMillis()));
  }
}
