package cn.timebank.app.api;

import java.net.URI;
import org.springframework.http.ProblemDetail;

/**
 * Builds the API's problem details: {@code type} ({@code about:blank}: the status says it all),
 * status, title, bilingual detail and the stable code. The security filters' problems have the same
 * members ({@code access.ProblemResponses}).
 */
final class Problems {

  static final String CODE = "code";

  static final URI ABOUT_BLANK = URI.create("about:blank");

  private Problems() {}

  static ProblemDetail of(ApiProblem problem, Object... args) {
    return complete(ProblemDetail.forStatus(problem.status()), problem, args);
  }

  static ProblemDetail of(ApiException e) {
    ProblemDetail detail = ProblemDetail.forStatus(e.problem().status());
    detail.setType(ABOUT_BLANK);
    detail.setDetail(e.getMessage());
    detail.setProperty(CODE, e.problem().code());
    return detail;
  }

  /** Gives a problem built elsewhere (by Spring MVC) the API's code and bilingual detail. */
  static ProblemDetail complete(ProblemDetail detail, ApiProblem problem, Object... args) {
    if (detail.getType() == null) {
      // the framework leaves it out, the filters write it: every problem names it
      detail.setType(ABOUT_BLANK);
    }
    detail.setDetail(problem.detail(args));
    detail.setProperty(CODE, problem.code());
    return detail;
  }
}
