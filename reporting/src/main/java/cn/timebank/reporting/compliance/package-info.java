/**
 * Report 2, the bank compliance report (银行合规报告) for civil-affairs reviewers: {@link
 * cn.timebank.reporting.compliance.ComplianceReportQuery} loads one bank's period — packages and
 * their receipts, findings counted per code (GROUP BY), the chain check, the hour liability at the
 * end of each of the last 12 periods (grouped SQL), the stored rating — and {@link
 * cn.timebank.reporting.compliance.ComplianceReport} turns it into the rows of {@code
 * reports/compliance/compliance.jrxml}.
 */
@NullMarked
package cn.timebank.reporting.compliance;

import org.jspecify.annotations.NullMarked;
