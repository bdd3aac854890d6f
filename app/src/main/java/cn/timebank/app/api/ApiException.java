package cn.timebank.app.api;

/** Ends a request with one of the {@link ApiProblem}s; the message is its bilingual detail. */
public class ApiException extends RuntimeException {

  private final ApiProblem problem;

  public ApiException(ApiProblem problem, Object... args) {
    super(problem.detail(args));
    this.problem = problem;
  }

  public ApiProblem problem() {
    return problem;
  }
}
