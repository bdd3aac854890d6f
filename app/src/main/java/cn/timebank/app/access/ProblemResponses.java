package cn.timebank.app.access;

import cn.timebank.app.api.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the problems the security filters answer with (401, 403, 429) in the API's shape, before
 * any controller: RFC 9457 fields, the stable {@code code}, the bilingual detail; never a trace.
 */
final class ProblemResponses {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private ProblemResponses() {}

  static void write(
      HttpServletRequest request, HttpServletResponse response, ApiProblem problem, Object... args)
      throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "about:blank");
    body.put("title", problem.status().getReasonPhrase());
    body.put("status", problem.status().value());
    body.put("detail", problem.detail(args));
    body.put("instance", request.getRequestURI());
    body.put("code", problem.code());
    response.setStatus(problem.status().value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.getOutputStream().write(JSON.writeValueAsBytes(body));
    response.flushBuffer();
  }
}
