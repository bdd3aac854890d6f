/**
 * Report 5, the participant statement (存折对账单): {@link
 * cn.timebank.reporting.statement.StatementReportQuery} loads a participant's ledger entries with
 * the running balance (a window sum in SQL), the totals and the stored scores with their reasons;
 * {@link cn.timebank.reporting.statement.StatementReport} turns them into the rows of {@code
 * reports/statement/statement.jrxml}.
 */
@NullMarked
package cn.timebank.reporting.statement;

import org.jspecify.annotations.NullMarked;
