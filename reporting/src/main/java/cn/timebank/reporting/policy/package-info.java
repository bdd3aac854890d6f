/**
 * Report 4, the policy report (政策分析报告), per region-code prefix and range of periods: {@link
 * cn.timebank.reporting.policy.PolicyReportQuery} runs grouped SQL only (participants by role, age
 * band and gender; hours per category and per period and funding; transfers; star levels; grades;
 * PSI; the liability per period end) and {@link cn.timebank.reporting.policy.PolicyReport} applies
 * the small-cell rule and turns it into the rows of {@code reports/policy/policy.jrxml}.
 */
@NullMarked
package cn.timebank.reporting.policy;

import org.jspecify.annotations.NullMarked;
