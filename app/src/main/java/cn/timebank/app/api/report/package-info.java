/** The reports over HTTP: {@code GET /api/v1/reports/{type}}, the parameters of the command. */
@NullMarked
package cn.timebank.app.api.report;

import org.jspecify.annotations.NullMarked;
