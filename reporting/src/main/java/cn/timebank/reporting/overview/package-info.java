/**
 * Report 3, the regional supervision overview (区域监管概览), per region-code prefix and period: {@link
 * cn.timebank.reporting.overview.OverviewReportQuery} aggregates every bank of the region in one
 * SQL statement (ratings, packages, late packages, open transfer items, findings) and {@link
 * cn.timebank.reporting.overview.OverviewReport} turns it into the rows of {@code
 * reports/overview/overview.jrxml}: the ranking with a bar chart of the scores, late submitters,
 * rejection rates, open transfers.
 */
@NullMarked
package cn.timebank.reporting.overview;

import org.jspecify.annotations.NullMarked;
