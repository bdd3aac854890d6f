package cn.timebank.app.api.report;

import cn.timebank.app.api.ApiException;
import cn.timebank.app.api.ApiProblem;
import cn.timebank.app.report.ReportRequest;
import cn.timebank.app.report.ReportRequestException;
import cn.timebank.app.report.Reports;
import java.io.ByteArrayOutputStream;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/reports/{type}}: the same report, with the same parameters, as {@code
 * ./timebank report}. Thin on purpose: parses the request, asks {@link Reports} (the service the
 * command uses) and answers the bytes, once {@link ReportAccess} has let the caller have it. The
 * report is rendered completely before the answer starts, so an error is always a problem (400
 * {@code E_REPORT_INVALID}, 404 {@code E_BANK_NOT_FOUND} or {@code E_NOT_FOUND}), never a half-sent
 * file.
 */
@RestController
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ReportController implements ReportApi {

  private final Reports reports;
  private final ReportAccess access;

  ReportController(Reports reports, ReportAccess access) {
    this.reports = reports;
    this.access = access;
  }

  @Override
  @GetMapping("/api/v1/reports/{type}")
  public ResponseEntity<byte[]> report(
      @PathVariable String type,
      @RequestParam(required = false) @Nullable String bank,
      @RequestParam(required = false) @Nullable String region,
      @RequestParam(required = false) @Nullable String period,
      @RequestParam(required = false) @Nullable String from,
      @RequestParam(required = false) @Nullable String to,
      @RequestParam(required = false) @Nullable String participant,
      @RequestParam(name = "package", required = false) @Nullable String packageId,
      @RequestParam(required = false) @Nullable String format,
      @RequestParam(required = false) @Nullable String locale) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    ReportRequest request;
    try {
      request =
          ReportRequest.parse(
              type, bank, region, period, from, to, participant, packageId, format, locale);
      access.check(request);
      reports.render(request, body);
    } catch (ReportRequestException e) {
      throw switch (e.kind()) {
        case INVALID -> new ApiException(ApiProblem.REPORT_INVALID, e.getMessage());
        case BANK_NOT_FOUND -> new ApiException(ApiProblem.BANK_NOT_FOUND, bank);
        case NOT_FOUND -> new ApiException(ApiProblem.NOT_FOUND, e.getMessage());
      };
    }
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(request.format().mediaType()))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(request.fileName()).build().toString())
        .body(body.toByteArray());
  }
}
