package cn.timebank.ingestion.batch;

import cn.timebank.ingestion.hold.PackageHolds;
import cn.timebank.ledger.store.PackageRun;
import cn.timebank.ledger.store.PackageStore;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;

/**
 * Runs the job of a package to completion: starts it, or restarts it where it stopped. An execution
 * left {@code STARTED} by a process that died (killed, power cut) is recognised by its runner
 * ({@code pid@host}, kept with the run) no longer being alive: it is marked failed ({@code
 * JobOperator.recover}: the execution and its running steps FAILED, with an end time) and the job
 * restarted, which resumes at the step that was running.
 *
 * <p>While the job runs, a live path running beside it holds its events ({@link PackageHolds}).
 */
public final class PackageJob {

  private static final Logger log = LoggerFactory.getLogger(PackageJob.class);

  private final JobOperator operator;
  private final JobRepository repository;
  private final Job job;
  private final PackageStore packages;
  private final Runners runners;
  private final PackageHolds holds;

  public PackageJob(
      JobOperator operator,
      JobRepository repository,
      Job job,
      PackageStore packages,
      Runners runners,
      PackageHolds holds) {
    this.operator = operator;
    this.repository = repository;
    this.job = job;
    this.packages = packages;
    this.runners = runners;
    this.holds = holds;
  }

  /** Applies the package of {@code run}; the receipt is then stored. */
  public void run(PackageRun run) {
    JobParameters parameters =
        new JobParametersBuilder()
            .addString(PackageJobConfiguration.PACKAGE_ID, run.packageId())
            .toJobParameters();
    JobExecution last = repository.getLastJobExecution(PackageJobConfiguration.JOB, parameters);
    if (last != null && last.getStatus() == BatchStatus.COMPLETED) {
      return;
    }
    if (last != null && last.getStatus().isRunning()) {
      if (runners.isAlive(run.runner())) {
        throw new IllegalStateException(
            "package " + run.packageId() + " is being applied by process " + run.runner());
      }
      log.warn(
          "package {}: execution {} was left {} by {}, which is gone: recovering it",
          run.packageId(),
          last.getId(),
          last.getStatus(),
          run.runner());
      operator.recover(last);
    }
    packages.setRunner(run.packageId(), runners.self());
    JobExecution execution;
    PackageHolds.Held held;
    try {
      held = holds.begin(run.packageId());
    } catch (RuntimeException e) {
      throw new PackageRunException(
          run.packageId() + ": the live path could not be asked to hold its events", e);
    }
    boolean completed = false;
    try {
      execution = operator.start(job, parameters);
      completed = execution.getStatus() == BatchStatus.COMPLETED;
    } catch (Exception e) {
      throw new PackageRunException(run.packageId() + ": the job could not be started", e);
    } finally {
      held.end(completed);
    }
    if (execution.getStatus() != BatchStatus.COMPLETED) {
      String causes =
          execution.getAllFailureExceptions().stream()
              .map(t -> t.getClass().getSimpleName() + ": " + t.getMessage())
              .collect(Collectors.joining("; "));
      throw new PackageRunException(
          run.packageId()
              + ": the run ended "
              + execution.getStatus()
              + (causes.isEmpty() ? "" : " (" + causes + ")")
              + "; ingest the same package again to resume it",
          execution.getAllFailureExceptions().stream().findFirst().orElse(null));
    }
  }
}
