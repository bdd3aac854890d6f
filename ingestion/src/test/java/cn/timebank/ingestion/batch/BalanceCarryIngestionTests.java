package cn.timebank.ingestion.batch;

import static org.assertj.core.api.Assertions.assertThat;

import cn.timebank.ingestion.Submissions;
import cn.timebank.ingestion.receipt.Receipt;
import cn.timebank.ingestion.support.IngestionTestApplication;
import cn.timebank.ingestion.support.SimulatedWorld;
import cn.timebank.ledger.balance.AccountBalance;
import cn.timebank.ledger.balance.Balances;
import cn.timebank.ledger.registry.RegistryImport;
import cn.timebank.standards.registry.RegistryFile;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The participants' balances carried from chunk to chunk ({@code BalanceCarry}) change no outcome:
 * the simulated world ingested in chunks of 37 records (every chunk after the first takes its
 * earlier participants' balances from the carry) and in one chunk per package (nothing carried)
 * gives the same receipts, the same balance of every account and the same ledger, entry by entry.
 */
class BalanceCarryIngestionTests {

  @Test
  void smallChunksWithCarriedBalancesGiveWhatOneChunkPerPackageGives() {
    World small = ingest(37);
    World whole = ingest(1_000_000);

    assertThat(small.receipts().keySet()).isEqualTo(whole.receipts().keySet());
    small
        .receipts()
        .forEach(
            (pkg, receipt) -> {
              Receipt other = whole.receipts().get(pkg);
              assertThat(receipt.status()).as(pkg).isEqualTo(other.status());
              assertThat(receipt.counts()).as(pkg).isEqualTo(other.counts());
              assertThat(receipt.rejected()).as(pkg).isEqualTo(other.rejected());
              assertThat(receipt.warnings()).as(pkg).isEqualTo(other.warnings());
            });
    assertThat(small.balances()).hasSizeGreaterThanOrEqualTo(3).isEqualTo(whole.balances());
    assertThat(small.entries()).hasSizeGreaterThan(1_000).isEqualTo(whole.entries());
  }

  private record World(
      Map<String, Receipt> receipts,
      Map<String, List<AccountBalance>> balances,
      List<String> entries) {}

  private static World ingest(int chunkSize) {
    try (ConfigurableApplicationContext context =
        new SpringApplicationBuilder(IngestionTestApplication.class)
            .web(WebApplicationType.NONE)
            .properties(
                "spring.datasource.url=jdbc:h2:mem:carry_"
                    + UUID.randomUUID()
                    + ";DB_CLOSE_DELAY=-1;QUERY_CACHE_SIZE=200",
                "timebank.ingestion.data-dir=target/carry-" + chunkSize,
                "timebank.ingestion.chunk-size=" + chunkSize,
                "logging.level.root=WARN")
            .run()) {
      context
          .getBean(RegistryImport.class)
          .importBanks(RegistryFile.read(SimulatedWorld.registry()));
      Submissions submissions = context.getBean(Submissions.class);
      Map<String, Receipt> receipts = new LinkedHashMap<>();
      for (Path pkg : SimulatedWorld.goodPackages()) {
        receipts.put(SimulatedWorld.out().relativize(pkg).toString(), submissions.ingest(pkg));
      }
      Balances balances = context.getBean(Balances.class);
      JdbcClient jdbc = context.getBean(JdbcClient.class);
      Map<String, List<AccountBalance>> byBank = new LinkedHashMap<>();
      for (String bank :
          jdbc.sql("select distinct bank_code from ledger_entries order by bank_code")
              .query(String.class)
              .list()) {
        byBank.put(bank, balances.ofBank(bank));
      }
      List<String> entries =
          jdbc.sql(
                  "select bank_code || ' ' || account_kind || ' ' || coalesce(participant_ref, '-')"
                      + " || ' ' || amount_minutes || ' ' || entry_kind || ' ' || idempotency_key"
                      + " from ledger_entries order by bank_code, idempotency_key, line_no")
              .query(String.class)
              .list();
      return new World(receipts, byBank, entries);
    }
  }
}
