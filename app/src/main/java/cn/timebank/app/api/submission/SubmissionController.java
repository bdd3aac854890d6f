package cn.timebank.app.api.submission;

import cn.timebank.app.access.ScopePolicy;
import cn.timebank.app.api.ApiException;
import cn.timebank.app.api.ApiProblem;
import cn.timebank.app.audit.Auditor;
import cn.timebank.app.audit.Caller;
import cn.timebank.app.ingest.IngestionUnavailableException;
import cn.timebank.ingestion.Submissions;
import cn.timebank.ingestion.receipt.Receipt;
import cn.timebank.ingestion.receipt.ReceiptJson;
import cn.timebank.ingestion.verify.OpeningLimits;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * {@code /api/v1/submissions}: a bank uploads a package (ZIP) and reads its receipt (spec §5).
 * Processing is synchronous for now: the 202 answer already carries the receipt, and {@code
 * Location} names where it stays readable. An asynchronous pipeline can keep the same contract.
 * Only packages and receipts of banks in the caller's scope ({@link ScopePolicy}); others answer as
 * unknown (404). Every processed upload is an {@code UPLOAD} in the audit trail (the principal,
 * from the remote address).
 */
@RestController
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@RequestMapping(SubmissionController.PATH)
class SubmissionController implements SubmissionApi {

  static final String PATH = "/api/v1/submissions";
  static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

  private final Submissions submissions;
  private final UploadStore uploads;
  private final ScopePolicy scope;
  private final OpeningLimits openingLimits;
  private final Auditor auditor;

  SubmissionController(
      Submissions submissions,
      UploadStore uploads,
      ScopePolicy scope,
      Auditor auditor,
      ObjectProvider<OpeningLimits> openingLimits) {
    this.submissions = submissions;
    this.uploads = uploads;
    this.scope = scope;
    this.openingLimits = openingLimits.getIfAvailable(OpeningLimits::defaults);
    this.auditor = auditor;
  }

  @Override
  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  public ResponseEntity<String> submit(@RequestPart("file") MultipartFile file) {
    Path saved = uploads.save(file);
    String name = file.getOriginalFilename() == null ? "upload" : file.getOriginalFilename();
    Receipt receipt;
    try {
      // A package for a bank beyond the caller's scope is refused before anything is stored; one
      // whose manifest cannot be read goes on to be rejected (P001/P009) with its receipt.
      Optional<String> bank = PackageBank.of(saved, openingLimits);
      if (bank.isPresent() && !scope.canSeeBank(bank.get())) {
        auditor.uploadRefused(Caller.current(), name, bank.get());
        throw new ApiException(ApiProblem.BANK_NOT_FOUND, bank.get());
      }
      receipt = submissions.ingest(saved);
    } catch (IngestionUnavailableException | ApiException e) {
      throw e;
    } catch (RuntimeException e) {
      auditor.uploadFailed(Caller.current(), name, e);
      throw e;
    } finally {
      uploads.delete(saved);
    }
    auditor.upload(Caller.current(), name, receipt);
    if (receipt.bankCode() != null && !scope.canSeeBank(receipt.bankCode())) {
      throw new ApiException(ApiProblem.BANK_NOT_FOUND, receipt.bankCode());
    }
    URI location =
        UriComponentsBuilder.fromPath(PATH + "/{id}")
            .buildAndExpand(receipt.packageId())
            .encode()
            .toUri();
    return ResponseEntity.accepted()
        .location(location)
        .contentType(MediaType.APPLICATION_JSON)
        .body(ReceiptJson.write(receipt));
  }

  @Override
  @GetMapping("/{id}")
  public ResponseEntity<String> receipt(@PathVariable String id) {
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_JSON)
        .body(ReceiptJson.write(find(id)));
  }

  @Override
  @GetMapping("/{id}/rejects.csv")
  public ResponseEntity<byte[]> rejects(@PathVariable String id) {
    Receipt receipt = find(id);
    ContentDisposition disposition =
        ContentDisposition.attachment().filename(id + ".rejects.csv").build();
    return ResponseEntity.ok()
        .contentType(CSV)
        .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
        .body(RejectsCsv.write(receipt.rejected()));
  }

  private Receipt find(String id) {
    // A package of a bank beyond the caller's scope answers exactly as an unknown one.
    return submissions
        .receipt(id)
        .filter(receipt -> scope.canSeeBank(receipt.bankCode()))
        .orElseThrow(() -> new ApiException(ApiProblem.RECEIPT_NOT_FOUND, id));
  }
}
