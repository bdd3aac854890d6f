package cn.timebank.reporting.config;

import static org.assertj.core.api.Assertions.assertThat;

import cn.timebank.reporting.ReportRenderer;
import cn.timebank.reporting.overview.OverviewReportQuery;
import cn.timebank.reporting.policy.PolicyReport;
import cn.timebank.reporting.receipt.ReceiptReport;
import cn.timebank.reporting.receipt.ReceiptReportQuery;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.core.env.MapPropertySource;
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

  @Test
  void bindsTheSmallCellThresholdAndThePopulationPerRegion() {
    try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
      context
          .getEnvironment()
          .getPropertySources()
          .addFirst(
              new MapPropertySource(
                  "test",
                  Map.of(
                      "timebank.reporting.small-cell-threshold", "10",
                      "timebank.reporting.population-60-plus.31", "5800000")));
      context.registerBean(
          DataSource.class,
          () ->
              new SingleConnectionDataSource(
                  "jdbc:h2:mem:cfg_" + UUID.randomUUID(), "sa", "", true));
      context.register(ReportingConfiguration.class);
      context.refresh();

      ReportingProperties properties = context.getBean(ReportingProperties.class);
      assertThat(properties.smallCellThreshold()).isEqualTo(10);
      assertThat(properties.population60Plus()).containsEntry("31", 5_800_000L);
      assertThat(context.getBean(PolicyReport.class)).isNotNull();
      assertThat(context.getBean(OverviewReportQuery.class)).isNotNull();
    }
  }
}
