/**
 * The reports from the outside: {@code ./timebank report TYPE ...} and {@code GET
 * /api/v1/reports/{type}}. {@link cn.timebank.app.report.ReportRequest} holds the parameters both
 * take, {@link cn.timebank.app.report.Reports} loads what a report is about and renders it.
 */
@NullMarked
package cn.timebank.app.report;

import org.jspecify.annotations.NullMarked;
