package cn.timebank.reporting.config;

import cn.timebank.reporting.ReportRenderer;
import cn.timebank.reporting.receipt.ReceiptReport;
import cn.timebank.reporting.receipt.ReceiptReportQuery;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The reports' beans (import this class): the one renderer, and per report its definition and its
 * query. A new report registers here with two beans.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReportingProperties.class)
public class ReportingConfiguration {

  @Bean
  ReportRenderer reportRenderer(ReportingProperties properties) {
    return new ReportRenderer(Clock.system(ReportRenderer.ZONE), properties.swapDirectory());
  }

  @Bean
  ReceiptReport receiptReport() {
    return new ReceiptReport();
  }

  @Bean
  ReceiptReportQuery receiptReportQuery(DataSource dataSource) {
    return new ReceiptReportQuery(JdbcClient.create(dataSource));
  }
}
