package cn.timebank.reporting.config;

import static org.assertj.core.api.Assertions.assertThat;

import cn.timebank.reporting.ReportRenderer;
import cn.timebank.reporting.receipt.ReceiptReport;
import cn.timebank.reporting.receipt.ReceiptReportQuery;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

class ReportingConfigurationTests {

  @Test
  void registersTheRendererAndTheReceiptReportWithItsQuery() {
    try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
      context.registerBean(
          DataSource.class,
          () ->
              new SingleConnectionDataSource(
                  "jdbc:h2:mem:cfg_" + UUID.randomUUID(), "sa", "", true));
      context.register(ReportingConfiguration.class);
      context.refresh();

      assertThat(context.getBean(ReportRenderer.class)).isNotNull();
      assertThat(context.getBean(ReceiptReport.class).name()).isEqualTo("receipt");
      assertThat(context.getBean(ReceiptReportQuery.class)).isNotNull();
      assertThat(context.getBean(ReportingProperties.class).swapDirectory().toString())
          .isEqualTo(System.getProperty("java.io.tmpdir") + "/timebank-reports");
    }
  }
}
