/**
 * Reports: a {@link cn.timebank.reporting.ReportDefinition} per report (its folder under {@code
 * reports/} holds the jrxml and the zh-CN/en bundles; its query class sits in the report's own
 * package), and one {@link cn.timebank.reporting.ReportRenderer} that compiles, fills and exports
 * every report to a {@link cn.timebank.reporting.ReportFormat}.
 */
@NullMarked
package cn.timebank.reporting;

import org.jspecify.annotations.NullMarked;
