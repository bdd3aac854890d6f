package cn.timebank.ingestion.batch;

import cn.timebank.ingestion.rules.RecordEngine;
import cn.timebank.ingestion.state.JdbcLedgerState;
import cn.timebank.ingestion.verify.OpeningLimits;
import cn.timebank.ledger.registry.RegistryStore;
import cn.timebank.ledger.store.CanonicalRecords;
import cn.timebank.ledger.store.PackageStore;
import cn.timebank.standards.hours.HourCalculator;
import cn.timebank.standards.identity.PersonKeySecret;
import java.nio.file.Path;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.database.JdbcPagingItemReader;
import org.springframework.batch.infrastructure.item.database.Order;
import org.springframework.batch.infrastructure.item.database.builder.JdbcPagingItemReaderBuilder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The job {@value #JOB}: applies one verified package (job parameter {@code packageId}, its run in
 * {@code package_runs}) to the ledger in five steps:
 *
 * <ol>
 *   <li>{@code stage} (chunks): the archived package's records, file by file, through the standards
 *       readers into {@code staged_records};
 *   <li>{@code repeatedRefs}: R113 for every repeated ref after the first;
 *   <li>{@code supersede}: a correction's {@code RecordEngine.supersede}, once;
 *   <li>{@code apply} (chunks): the staged rows not applied yet, in application order, through the
 *       record engine; effects, canonical records and outcomes in the chunk's transaction;
 *   <li>{@code receipt}: the receipt into {@code packages}.
 * </ol>
 *
 * Restarting a failed execution resumes at the step that failed; the apply step reads only rows
 * without an outcome, so nothing is applied twice. No exception is skipped: a record's problem is
 * its outcome, anything else fails the job.
 */
@Configuration(proxyBeanMethods = false)
public class PackageJobConfiguration {

  /** The job's name. */
  public static final String JOB = "packageIngestion";

  /** The identifying job parameter: the package id. */
  public static final String PACKAGE_ID = "packageId";

  private final int chunkSize;

  PackageJobConfiguration(@Value("${timebank.ingestion.chunk-size:2000}") int chunkSize) {
    this.chunkSize = chunkSize;
  }

  @Bean
  Job packageIngestionJob(
      JobRepository jobRepository,
      Step stageStep,
      Step repeatedRefsStep,
      Step supersedeStep,
      Step applyStep,
      Step receiptStep) {
    return new JobBuilder(JOB, jobRepository)
        .start(stageStep)
        .next(repeatedRefsStep)
        .next(supersedeStep)
        .next(applyStep)
        .next(receiptStep)
        .build();
  }

  @Bean
  Step stageStep(
      JobRepository jobRepository,
      PlatformTransactionManager transactionManager,
      PackageRecordReader packageRecordReader,
      RecordStager recordStager,
      StagedRecordWriter stagedRecordWriter) {
    return new StepBuilder("stage", jobRepository)
        .<ReadRecord, StagedRecord>chunk(chunkSize)
        .transactionManager(transactionManager)
        .reader(packageRecordReader)
        .processor(recordStager)
        .writer(stagedRecordWriter)
        .build();
  }

  @Bean
  Step repeatedRefsStep(
      JobRepository jobRepository,
      PlatformTransactionManager transactionManager,
      RepeatedRefsTasklet repeatedRefsTasklet) {
    return new StepBuilder("repeatedRefs", jobRepository)
        .tasklet(repeatedRefsTasklet, transactionManager)
        .build();
  }

  @Bean
  Step supersedeStep(
      JobRepository jobRepository,
      PlatformTransactionManager transactionManager,
      SupersedeTasklet supersedeTasklet) {
    return new StepBuilder("supersede", jobRepository)
        .tasklet(supersedeTasklet, transactionManager)
        .build();
  }

  @Bean
  Step applyStep(
      JobRepository jobRepository,
      PlatformTransactionManager transactionManager,
      JdbcPagingItemReader<StagedRow> unappliedRecords,
      RecordApplier recordApplier) {
    return new StepBuilder("apply", jobRepository)
        .<StagedRow, StagedRow>chunk(chunkSize)
        .transactionManager(transactionManager)
        .reader(unappliedRecords)
        .writer(recordApplier)
        .build();
  }

  @Bean
  Step receiptStep(
      JobRepository jobRepository,
      PlatformTransactionManager transactionManager,
      ReceiptTasklet receiptTasklet) {
    return new StepBuilder("receipt", jobRepository)
        .tasklet(receiptTasklet, transactionManager)
        .build();
  }

  // ---- step-scoped parts: each gets the package from the job parameters ----

  @Bean
  @StepScope
  PackageRecordReader packageRecordReader(
      @Value("#{jobParameters['packageId']}") String packageId,
      PackageStore packages,
      OpeningLimits limits) {
    return new PackageRecordReader(
        limits,
        Path.of(
            packages
                .run(packageId)
                .orElseThrow(() -> new IllegalStateException("no run of package " + packageId))
                .archivePath()));
  }

  @Bean
  @StepScope
  RecordStager recordStager(
      @Value("#{jobParameters['packageId']}") String packageId,
      PackageStore packages,
      RegistryStore registry,
      PersonKeySecret secret) {
    return new RecordStager(
        packageId, PackageContext.load(packageId, packages, registry).bank(), secret);
  }

  @Bean
  StagedRecordWriter stagedRecordWriter(DataSource dataSource) {
    return new StagedRecordWriter(dataSource);
  }

  @Bean
  @StepScope
  RepeatedRefsTasklet repeatedRefsTasklet(
      @Value("#{jobParameters['packageId']}") String packageId, DataSource dataSource) {
    return new RepeatedRefsTasklet(new JdbcTemplate(dataSource), packageId);
  }

  @Bean
  @StepScope
  SupersedeTasklet supersedeTasklet(
      @Value("#{jobParameters['packageId']}") String packageId,
      PackageStore packages,
      RegistryStore registry,
      RecordEngine engine,
      JdbcLedgerState state,
      CanonicalRecords canonical,
      DataSource dataSource) {
    PackageContext pkg = PackageContext.load(packageId, packages, registry);
    return new SupersedeTasklet(
        pkg, engine, state.forSource(packageId), canonical, packages, new JdbcTemplate(dataSource));
  }

  @Bean
  @StepScope
  JdbcPagingItemReader<StagedRow> unappliedRecords(
      @Value("#{jobParameters['packageId']}") String packageId, DataSource dataSource)
      throws Exception {
    return new JdbcPagingItemReaderBuilder<StagedRow>()
        .name("unappliedRecords")
        .dataSource(dataSource)
        .selectClause(
            "select package_id, file_no, line_no, file_name, record_kind, record_ref,"
                + " repeated_flag, apply_key, payload")
        .fromClause("from staged_records")
        .whereClause("where package_id = :packageId and outcome is null")
        .parameterValues(Map.of("packageId", packageId))
        .sortKeys(Map.of("apply_key", Order.ASCENDING))
        .pageSize(chunkSize)
        .saveState(false)
        .rowMapper(
            (rs, n) ->
                new StagedRow(
                    rs.getString("package_id"),
                    rs.getInt("file_no"),
                    rs.getLong("line_no"),
                    rs.getString("file_name"),
                    rs.getString("record_kind").charAt(0),
                    rs.getString("record_ref"),
                    "Y".equals(rs.getString("repeated_flag")),
                    rs.getString("payload")))
        .build();
  }

  @Bean
  @StepScope
  RecordApplier recordApplier(
      @Value("#{jobParameters['packageId']}") String packageId,
      PackageStore packages,
      RegistryStore registry,
      RecordEngine engine,
      JdbcLedgerState state,
      CanonicalRecords canonical,
      HourCalculator calculator,
      DataSource dataSource,
      ObjectProvider<ApplyCheckpoint> checkpoint) {
    return new RecordApplier(
        PackageContext.load(packageId, packages, registry),
        engine,
        state,
        canonical,
        new ServiceFiguresOf(calculator),
        new Outcomes(new JdbcTemplate(dataSource)),
        new PlannerStatistics(new JdbcTemplate(dataSource)),
        checkpoint.getIfAvailable(() -> (id, chunk) -> {}));
  }

  @Bean
  @StepScope
  ReceiptTasklet receiptTasklet(
      @Value("#{jobParameters['packageId']}") String packageId,
      PackageStore packages,
      RegistryStore registry,
      DataSource dataSource,
      OpeningLimits limits) {
    return new ReceiptTasklet(
        PackageContext.load(packageId, packages, registry),
        new JdbcTemplate(dataSource),
        packages,
        limits);
  }
}
