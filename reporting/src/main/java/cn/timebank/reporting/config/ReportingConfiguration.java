package cn.timebank.reporting.config;

import cn.timebank.ledger.audit.AuditTrail;
import cn.timebank.ledger.verify.LedgerVerifier;
import cn.timebank.reporting.ReportRenderer;
import cn.timebank.reporting.SmallCells;
import cn.timebank.reporting.compliance.ComplianceReport;
import cn.timebank.reporting.compliance.ComplianceReportQuery;
import cn.timebank.reporting.overview.OverviewReport;
import cn.timebank.reporting.overview.OverviewReportQuery;
import cn.timebank.reporting.policy.PolicyReport;
import cn.timebank.reporting.policy.PolicyReportQuery;
import cn.timebank.reporting.receipt.ReceiptReport;
import cn.timebank.reporting.receipt.ReceiptReportQuery;
import cn.timebank.reporting.statement.StatementReport;
import cn.timebank.reporting.statement.StatementReportQuery;
import cn.timebank.scoring.scorecard.Scorecards;
import cn.timebank.scoring.store.ParticipantScores;
import cn.timebank.standards.hours.StandardVersions;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
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

  @Bean
  StatementReport statementReport() {
    return new StatementReport();
  }

  /**
   * Reads the scores with the built-in scorecards' reason texts (the app's own bean is the same).
   */
  @Bean
  StatementReportQuery statementReportQuery(DataSource dataSource) {
    JdbcClient jdbc = JdbcClient.create(dataSource);
    return new StatementReportQuery(jdbc, new ParticipantScores(jdbc, Scorecards.builtIn()));
  }

  @Bean
  ComplianceReport complianceReport() {
    return new ComplianceReport();
  }

  @Bean
  ComplianceReportQuery complianceReportQuery(DataSource dataSource) {
    return new ComplianceReportQuery(
        JdbcClient.create(dataSource),
        new LedgerVerifier(dataSource),
        new AuditTrail(dataSource, Clock.systemUTC()));
  }

  @Bean
  OverviewReport overviewReport() {
    return new OverviewReport();
  }

  @Bean
  OverviewReportQuery overviewReportQuery(DataSource dataSource) {
    return new OverviewReportQuery(JdbcClient.create(dataSource));
  }

  @Bean
  PolicyReport policyReport(
      ReportingProperties properties, ObjectProvider<StandardVersions> standards) {
    return new PolicyReport(
        new SmallCells(properties.smallCellThreshold()),
        standards.getIfAvailable(StandardVersions::builtIn));
  }

  @Bean
  PolicyReportQuery policyReportQuery(DataSource dataSource, ReportingProperties properties) {
    return new PolicyReportQuery(JdbcClient.create(dataSource), properties.population60Plus());
  }
}
