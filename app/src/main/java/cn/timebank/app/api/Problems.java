package cn.timebank.app.api;

import org.springframework.http.ProblemDetail;

/** Builds the API's problem details: status, title, bilingual detail and the stable code. */
final class Problems {

  static final String CODE = "code";

  private Problems() {}

  static ProblemDetail of(ApiProblem problem, Object... args) {
    return complete(ProblemDetail.forStatus(problem.status()), problem, args);
  }

  static ProblemDetail of(ApiException e) {
    ProblemDetail detail = ProblemDetail.forStatus(e.problem().status());
    detail.setDetail(e.getMessage());
    detail.setProperty(CODE, e.problem().code());
    return detail;
  }

  /** Gives a problem built elsewhere (by Spring MVC) the API's code and bilingual detail. */
  static ProblemDetail complete(ProblemDetail detail, ApiProblem problem, Object... args) {
    detail.setDetail(problem.detail(args));
    detail.setProperty(CODE, problem.code());
    return detail;
  }
}
