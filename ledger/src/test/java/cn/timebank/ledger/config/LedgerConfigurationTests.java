package cn.timebank.ledger.config;

import static org.assertj.core.api.Assertions.assertThat;

import cn.timebank.ledger.balance.Balances;
import cn.timebank.ledger.entry.LedgerWriter;
import cn.timebank.ledger.entry.WritePath;
import cn.timebank.ledger.verify.LedgerVerifier;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

class LedgerConfigurationTests {

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withUserConfiguration(LedgerConfiguration.class)
          .withBean(
              DataSource.class,
              () ->
                  new SimpleDriverDataSource(
                      new org.h2.Driver(), "jdbc:h2:mem:cfg_" + UUID.randomUUID(), "sa", ""));

  @Test
  void providesTheWriterBalancesAndVerifierWithDefaults() {
    runner.run(
        context -> {
          assertThat(context).hasSingleBean(LedgerWriter.class);
          assertThat(context).hasSingleBean(Balances.class);
          assertThat(context).hasSingleBean(LedgerVerifier.class);
          assertThat(context.getBean(LedgerProperties.class))
              .isEqualTo(new LedgerProperties(WritePath.AUTO, 1000));
          assertThat(context.getBean(LedgerWriter.class).activePath()).isEqualTo(WritePath.BATCH);
        });
  }

  @Test
  void bindsTheWritePathAndBatchSize() {
    runner
        .withPropertyValues("timebank.ledger.write-path=batch", "timebank.ledger.batch-size=50")
        .run(
            context ->
                assertThat(context.getBean(LedgerProperties.class))
                    .isEqualTo(new LedgerProperties(WritePath.BATCH, 50)));
  }
}
