package cn.timebank.app.api.report;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;

/** The OpenAPI description of {@link ReportController}, kept apart from its code. */
@Tag(name = "reports", description = "报表 / reports (PDF, XLSX, HTML, CSV)")
interface ReportApi {

  String PROBLEM = "application/problem+json";

  @Operation(
      summary = "生成报表 / render a report",
      description =
          "receipt (package), compliance (bank, period), overview (region, period), policy"
              + " (region, period or from/to), statement (bank, participant[, period]); the same"
              + " parameters as ./timebank report. The file comes with its content type and a"
              + " Content-Disposition filename.")
  @ApiResponse(
      responseCode = "200",
      description = "the report",
      content = {
        @Content(mediaType = "application/pdf"),
        @Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        @Content(mediaType = "text/html"),
        @Content(mediaType = "text/csv")
      })
  @ApiResponse(
      responseCode = "400",
      description = "E_REPORT_INVALID: unknown type, a parameter missing or malformed",
      content = @Content(mediaType = PROBLEM))
  @ApiResponse(
      responseCode = "404",
      description =
          "E_BANK_NOT_FOUND: no such bank; E_NOT_FOUND: no such package, participant or region",
      content = @Content(mediaType = PROBLEM))
  ResponseEntity<byte[]> report(
      @Parameter(description = "receipt, compliance, overview, policy or statement") String type,
      @Parameter(description = "bank code") @Nullable String bank,
      @Parameter(description = "region-code prefix, 1-6 digits") @Nullable String region,
      @Parameter(description = "YYYY-MM") @Nullable String period,
      @Parameter(description = "first period of a range (policy)") @Nullable String from,
      @Parameter(description = "last period of a range (policy)") @Nullable String to,
      @Parameter(description = "participant ref (statement)") @Nullable String participant,
      @Parameter(name = "package", description = "package id (receipt)") @Nullable String packageId,
      @Parameter(description = "pdf (default), xlsx, html or csv") @Nullable String format,
      @Parameter(description = "zh-CN (default) or en") @Nullable String locale);
}
