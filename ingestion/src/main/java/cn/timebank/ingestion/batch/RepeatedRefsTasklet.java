package cn.timebank.ingestion.batch;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Step 2, R113: marks every occurrence of a {@code service_ref} or {@code txn_ref} after the first
 * in the package (file order, then line). One statement; running it again changes nothing.
 */
class RepeatedRefsTasklet implements Tasklet {

  private final JdbcTemplate jdbc;
  private final String packageId;

  RepeatedRefsTasklet(JdbcTemplate jdbc, String packageId) {
    this.jdbc = jdbc;
    this.packageId = packageId;
  }

  @Override
  public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
    int marked =
        jdbc.update(
            "update staged_records set repeated_flag = 'Y'"
                + " where package_id = ? and record_kind in ('S', 'T')"
                + " and record_ref is not null and exists (select 1 from staged_records o"
                + " where o.package_id = staged_records.package_id"
                + " and o.record_kind = staged_records.record_kind"
                + " and o.record_ref = staged_records.record_ref"
                + " and (o.file_no < staged_records.file_no or (o.file_no = staged_records.file_no"
                + " and o.line_no < staged_records.line_no)))",
            packageId);
    contribution.incrementWriteCount(marked);
    return RepeatStatus.FINISHED;
  }
}
