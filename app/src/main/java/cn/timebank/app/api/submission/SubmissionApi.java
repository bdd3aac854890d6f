package cn.timebank.app.api.submission;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.multipart.MultipartFile;

/** The OpenAPI description of {@link SubmissionController}, kept apart from its code. */
@Tag(name = "submissions", description = "提交包与回执 / submission packages and receipts (spec §5)")
interface SubmissionApi {

  String JSON = "application/json";
  String PROBLEM = "application/problem+json";
  String RECEIPT_EXAMPLE =
      """
      {"package_id": "310109-001_2026-10_1_3f2a9c1e", "sha256": "3f2a9c1e…",
       "bank_code": "310109-001", "period": "2026-10", "sequence": 1,
       "received_at": "2026-11-05T09:12:44+08:00", "due_at": "2026-11-10T23:59:59+08:00",
       "late": false, "status": "PART",
       "counts": {"files": {"services.csv": {"read": 35, "accepted": 21, "rejected": 14}},
                  "codes": {"R103": 1, "W202": 1}},
       "rejected": [{"file": "services.csv", "line": 21, "ref": "S040", "field": "end",
                     "code": "R103", "message": "结束时间早于开始时间 / end is not after start"}],
       "warnings": []}
      """;

  @Operation(
      summary = "上传提交包 / deliver a submission package",
      description =
          "Multipart upload of one package ZIP in the part `file`. Processing is synchronous for"
              + " now: the 202 answer carries the receipt (spec §5) and `Location` names where it"
              + " stays readable. A package that fails verification is still 202: its receipt"
              + " says RJCT. Larger than `spring.servlet.multipart.max-file-size` (512MB) → 413.")
  @ApiResponse(
      responseCode = "202",
      description = "received; the body is the receipt",
      headers = @Header(name = "Location", description = "/api/v1/submissions/{package_id}"),
      content = @Content(mediaType = JSON, examples = @ExampleObject(value = RECEIPT_EXAMPLE)))
  @ApiResponse(
      responseCode = "400",
      description = "E_UPLOAD_MISSING, E_UPLOAD_EMPTY",
      content = @Content(mediaType = PROBLEM))
  @ApiResponse(
      responseCode = "413",
      description = "E_UPLOAD_TOO_LARGE",
      content = @Content(mediaType = PROBLEM))
  @ApiResponse(
      responseCode = "503",
      description = "E_INGESTION_UNAVAILABLE",
      content = @Content(mediaType = PROBLEM))
  ResponseEntity<String> submit(@Parameter(description = "the package ZIP") MultipartFile file);

  @Operation(summary = "回执 / the receipt of a package")
  @ApiResponse(
      responseCode = "200",
      description = "the receipt (spec §5, snake_case fields)",
      content = @Content(mediaType = JSON, examples = @ExampleObject(value = RECEIPT_EXAMPLE)))
  @ApiResponse(
      responseCode = "404",
      description = "E_NOT_FOUND",
      content = @Content(mediaType = PROBLEM))
  ResponseEntity<String> receipt(@Parameter(description = "package_id of the receipt") String id);

  @Operation(
      summary = "被拒记录 CSV / the rejected records as CSV",
      description =
          "Columns file,line,ref,field,code,message; UTF-8 with BOM (Excel), RFC 4180 quoting;"
              + " cells starting with = + - @ are prefixed with ' (no formulas).")
  @ApiResponse(
      responseCode = "200",
      description = "the CSV",
      content = @Content(mediaType = "text/csv"))
  @ApiResponse(
      responseCode = "404",
      description = "E_NOT_FOUND",
      content = @Content(mediaType = PROBLEM))
  ResponseEntity<byte[]> rejects(@Parameter(description = "package_id of the receipt") String id);
}
