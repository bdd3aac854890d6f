package cn.timebank.app.access;

import cn.timebank.app.api.ApiProblem;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * After authentication: an authenticated caller over its rate limit gets 429 {@code E_RATE_LIMITED}
 * with {@code Retry-After}. Anonymous requests (health, the API description) are not counted.
 */
final class RateLimitFilter extends OncePerRequestFilter {

  private final RateLimiter limiter;

  RateLimitFilter(RateLimiter limiter) {
    this.limiter = limiter;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Optional<Accessor> caller = ScopePolicy.current();
    if (caller.isPresent()) {
      long wait = limiter.acquire(caller.get().credential());
      if (wait > 0) {
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(wait));
        ProblemResponses.write(
            request, response, ApiProblem.RATE_LIMITED, limiter.perMinute(), wait);
        return;
      }
    }
    chain.doFilter(request, response);
  }
}
