/**
 * Report 1, the submission receipt (报送回执) for bank operators: {@link
 * cn.timebank.reporting.receipt.ReceiptReportQuery} loads a package's receipt, {@link
 * cn.timebank.reporting.receipt.ReceiptReport} turns it into the rows of {@code
 * reports/receipt/receipt.jrxml}.
 */
@NullMarked
package cn.timebank.reporting.receipt;

import org.jspecify.annotations.NullMarked;
