package cn.timebank.ingestion.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.timebank.ingestion.Submissions;
import cn.timebank.ingestion.receipt.Receipt;
import cn.timebank.ingestion.receipt.ReceiptLine;
import cn.timebank.ingestion.rules.Effects;
import cn.timebank.ingestion.state.DatabaseSeed;
import cn.timebank.ingestion.support.IngestionTestApplication;
import cn.timebank.ingestion.support.SimulatedWorld;
import cn.timebank.ledger.balance.Balances;
import cn.timebank.ledger.balance.BankTotal;
import cn.timebank.ledger.registry.RegistryImport;
import cn.timebank.ledger.verify.ChainVerification;
import cn.timebank.ledger.verify.LedgerVerifier;
import cn.timebank.standards.registry.RegistryFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A package's job failing half-way through the apply step (a checkpoint that throws after two
 * chunks of 50 have committed), then left STARTED as a killed process would leave it, then
 * delivered again: the run resumes and every record is applied exactly once.
 */
@SpringBootTest(
    classes = {IngestionTestApplication.class, RestartTests.FailingCheckpoint.class},
    properties = {
      "spring.datasource.url=jdbc:h2:mem:restart;DB_CLOSE_DELAY=-1;QUERY_CACHE_SIZE=200",
      "timebank.ingestion.data-dir=target/restart",
      "timebank.ingestion.chunk-size=50"
    })
class RestartTests {

  /** Throws at the end of the third chunk of an execution, once armed. */
  @TestConfiguration
  static class FailingCheckpoint {
    static final AtomicInteger FAIL_AT = new AtomicInteger();

    @Bean
    ApplyCheckpoint failingCheckpoint() {
      return (packageId, chunk) -> {
        if (chunk == FAIL_AT.get()) {
          FAIL_AT.set(0);
          throw new IllegalStateException("test: the run fails after chunk " + chunk);
        }
      };
    }
  }

  @Autowired Submissions submissions;
  @Autowired RegistryImport registryImport;
  @Autowired Balances balances;
  @Autowired LedgerVerifier verifier;
  @Autowired JdbcClient jdbc;
  @Autowired DataSource dataSource;

  @Test
  void resumesAFailedAndThenAbandonedRunAndAppliesEveryRecordExactlyOnce() {
    registryImport.importBanks(RegistryFile.read(SimulatedWorld.registry()));
    Path pkg = SimulatedWorld.goodPackages().get(0);
    FailingCheckpoint.FAIL_AT.set(3);

    assertThatThrownBy(() -> submissions.ingest(pkg))
        .isInstanceOf(PackageRunException.class)
        .hasMessageContaining("ingest the same package again");
    String packageId = single("select package_id from package_runs");
    assertThat(count("select count(*) from staged_records where outcome is not null"))
        .as("two chunks of 50 committed, the third rolled back")
        .isEqualTo(100);
    assertThat(count("select count(*) from packages")).isZero();
    assertThat(count("select count(*) from participants") + count("select count(*) from used_refs"))
        .as("the state holds what the committed chunks accepted, nothing of the third")
        .isEqualTo(count("select count(*) from staged_records where outcome = 'A'"));

    // What the failed run committed is readable as its part, although the package has no receipt:
    // the live path takes it in before it judges the events it held (one writer at a time).
    List<Effects> part = new ArrayList<>();
    new DatabaseSeed(dataSource).ofPackage(packageId, part::add);
    assertThat(part.stream().mapToLong(e -> e.participants().size()).sum())
        .as("the committed chunks' participants")
        .isEqualTo(count("select count(*) from participants where source_id = '" + packageId + "'"))
        .isPositive();
    assertThat(
            part.stream()
                .flatMap(e -> e.touchedRecords().stream())
                .map(id -> id.ref())
                .distinct()
                .count())
        .as("the committed chunks' records")
        .isEqualTo(
            count(
                "select count(distinct record_ref) from touched_records where source_id = '"
                    + packageId
                    + "'"))
        .isPositive();

    leftStartedByADeadProcess(packageId);
    Receipt receipt = submissions.ingest(pkg);

    assertThat(receipt.packageId()).isEqualTo(packageId);
    assertThat(
            jdbc.sql(
                    "select status from batch_job_execution e join batch_job_instance i"
                        + " on i.job_instance_id = e.job_instance_id order by e.job_execution_id")
                .query(String.class)
                .list())
        .containsExactly("FAILED", "COMPLETED");
    assertEveryRecordOnce(receipt, pkg);
  }

  @Test
  void refusesToTouchARunThatALiveProcessHolds() {
    registryImport.importBanks(RegistryFile.read(SimulatedWorld.registry()));
    Path pkg = SimulatedWorld.goodPackages().get(1);
    FailingCheckpoint.FAIL_AT.set(1);
    assertThatThrownBy(() -> submissions.ingest(pkg)).isInstanceOf(PackageRunException.class);
    String packageId =
        single("select package_id from package_runs where package_id like '310109-001_%_1_%'");
    leftStartedBy(packageId, ProcessHandle.current().parent().orElseThrow().pid());

    assertThatThrownBy(() -> submissions.ingest(pkg))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("is being applied by process");
  }

  /** As a killed process leaves it: the execution and its step STARTED, no end time. */
  private void leftStartedByADeadProcess(String packageId) {
    leftStartedBy(packageId, 999_999_999L);
  }

  private void leftStartedBy(String packageId, long pid) {
    long execution =
        count(
            "select max(e.job_execution_id) from batch_job_execution e"
                + " join batch_job_execution_params p on p.job_execution_id = e.job_execution_id"
                + " where p.parameter_value = '"
                + packageId
                + "'");
    jdbc.sql(
            "update batch_job_execution set status = 'STARTED', exit_code = 'UNKNOWN',"
                + " end_time = null where job_execution_id = ?")
        .param(execution)
        .update();
    jdbc.sql(
            "update batch_step_execution set status = 'STARTED', exit_code = 'EXECUTING',"
                + " end_time = null where job_execution_id = ? and step_name = 'apply'")
        .param(execution)
        .update();
    String host = new Runners().self().substring(new Runners().self().indexOf('@'));
    jdbc.sql("update package_runs set runner = ? where package_id = ?")
        .params(pid + host, packageId)
        .update();
  }

  private void assertEveryRecordOnce(Receipt receipt, Path pkg) {
    String name = pkg.getFileName().toString();
    receipt
        .counts()
        .files()
        .forEach(
            (file, counts) ->
                assertThat(counts.read())
                    .as(file)
                    .isEqualTo(SimulatedWorld.truthRecords(name, file)));
    long acceptedServices =
        receipt.counts().files().entrySet().stream()
            .filter(e -> e.getKey().startsWith("services"))
            .mapToLong(e -> e.getValue().accepted())
            .sum();
    assertThat(
            count("select count(*) from services where source_id = '" + receipt.packageId() + "'"))
        .isEqualTo(acceptedServices);
    assertThat(
            count(
                "select count(*) from (select bank_code, source_ref from engine_postings"
                    + " where posting_kind = 'SERVICE' group by bank_code, source_ref"
                    + " having count(*) > 1) repeated"))
        .isZero();
    List<String> expected =
        SimulatedWorld.truth().stream()
            .filter(line -> line.get("package").asString().equals(name))
            .map(
                line ->
                    line.get("file").asString()
                        + " "
                        + line.get("line").asString()
                        + " "
                        + line.get("code").asString())
            .toList();
    assertThat(
            Stream.concat(receipt.rejected().stream(), receipt.warnings().stream())
                .map(RestartTests::describe)
                .toList())
        .containsExactlyInAnyOrderElementsOf(expected);
    assertThat(balances.totals()).allMatch(BankTotal::balanced);
    assertThat(verifier.verifyAll()).allMatch(ChainVerification::ok);
  }

  private static String describe(ReceiptLine line) {
    return line.file() + " " + line.line() + " " + line.code();
  }

  private long count(String sql) {
    return jdbc.sql(sql).query(Long.class).single();
  }

  private String single(String sql) {
    return jdbc.sql(sql).query(String.class).single();
  }
}
