package cn.timebank.app.api;

import cn.timebank.app.ingest.IngestionUnavailableException;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every error of the web application as an RFC 9457 problem ({@code application/problem+json}) with
 * a stable {@code code} and a bilingual detail; never a stack trace (the log has it).
 */
@RestControllerAdvice
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ProblemAdvice extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

  /** The configured upload limit as written (e.g. {@code 512MB}), for a 413 that lacks it. */
  private final String uploadLimit;

  ProblemAdvice(@Value("${spring.servlet.multipart.max-file-size:}") String uploadLimit) {
    this.uploadLimit = uploadLimit.isBlank() ? "?" : uploadLimit.trim();
  }

  @ExceptionHandler(ApiException.class)
  ResponseEntity<Object> api(ApiException e) {
    return answer(Problems.of(e));
  }

  @ExceptionHandler(IngestionUnavailableException.class)
  ResponseEntity<Object> unavailable(IngestionUnavailableException e) {
    return answer(Problems.of(ApiProblem.INGESTION_UNAVAILABLE));
  }

  /** Not a multipart request at all (a multipart without the part is handled below). */
  @ExceptionHandler(MultipartException.class)
  ResponseEntity<Object> notMultipart(MultipartException e) {
    if (e instanceof MaxUploadSizeExceededException tooLarge) {
      return answer(tooLarge(tooLarge));
    }
    return answer(Problems.of(ApiProblem.UPLOAD_MISSING));
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<Object> unexpected(Exception e) {
    log.error("request failed", e);
    return answer(Problems.of(ApiProblem.INTERNAL));
  }

  @Override
  protected @Nullable ResponseEntity<Object> handleExceptionInternal(
      Exception ex,
      @Nullable Object body,
      HttpHeaders headers,
      HttpStatusCode statusCode,
      WebRequest request) {
    ResponseEntity<Object> answer =
        super.handleExceptionInternal(ex, body, headers, statusCode, request);
    if (answer != null && answer.getBody() instanceof ProblemDetail detail) {
      complete(ex, detail);
      return ResponseEntity.status(detail.getStatus())
          .headers(answer.getHeaders())
          .contentType(MediaType.APPLICATION_PROBLEM_JSON)
          .body(detail);
    }
    return answer;
  }

  private void complete(Exception ex, ProblemDetail detail) {
    String springDetail = detail.getDetail() == null ? "" : detail.getDetail();
    if (ex instanceof MissingServletRequestPartException) {
      Problems.complete(detail, ApiProblem.UPLOAD_MISSING);
    } else if (ex instanceof MaxUploadSizeExceededException e) {
      tooLarge(e, detail);
    } else if (ex instanceof NoResourceFoundException e) {
      Problems.complete(detail, ApiProblem.NOT_FOUND, "/" + e.getResourcePath());
    } else if (ex instanceof HttpMediaTypeNotSupportedException e) {
      // the media types themselves, not Spring's English sentence, in both languages
      Problems.complete(
          detail,
          ApiProblem.UNSUPPORTED_MEDIA_TYPE,
          e.getContentType() == null ? "-" : e.getContentType().toString(),
          e.getSupportedMediaTypes().stream()
              .map(Object::toString)
              .collect(Collectors.joining(", ")));
    } else if (ex instanceof HttpRequestMethodNotSupportedException e) {
      Problems.complete(detail, ApiProblem.METHOD_NOT_ALLOWED, e.getMethod());
    } else {
      Problems.complete(detail, byStatus(detail.getStatus()), springDetail);
    }
  }

  private static ApiProblem byStatus(int status) {
    return switch (status) {
      case 404 -> ApiProblem.NOT_FOUND;
      case 405 -> ApiProblem.METHOD_NOT_ALLOWED;
      case 406 -> ApiProblem.NOT_ACCEPTABLE;
      case 413 -> ApiProblem.UPLOAD_TOO_LARGE;
      case 415 -> ApiProblem.UNSUPPORTED_MEDIA_TYPE;
      case 503 -> ApiProblem.INGESTION_UNAVAILABLE;
      default -> status >= 500 ? ApiProblem.INTERNAL : ApiProblem.BAD_REQUEST;
    };
  }

  private ProblemDetail tooLarge(MaxUploadSizeExceededException e) {
    return tooLarge(e, ProblemDetail.forStatus(ApiProblem.UPLOAD_TOO_LARGE.status()));
  }

  private ProblemDetail tooLarge(MaxUploadSizeExceededException e, ProblemDetail detail) {
    detail.setStatus(ApiProblem.UPLOAD_TOO_LARGE.status());
    // the servlet container often does not say which limit it applied: the configured one then
    String limit = e.getMaxUploadSize() < 0 ? uploadLimit : e.getMaxUploadSize() + " bytes";
    return Problems.complete(detail, ApiProblem.UPLOAD_TOO_LARGE, limit);
  }

  private static ResponseEntity<Object> answer(ProblemDetail body) {
    return ResponseEntity.status(body.getStatus())
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(body);
  }
}
