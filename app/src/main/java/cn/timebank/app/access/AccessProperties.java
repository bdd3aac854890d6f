package cn.timebank.app.access;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of access ({@code timebank.security.*}).
 *
 * @param requestsPerMinute the rate limit per token (per user with HTTP Basic, per subject with a
 *     JWT): a bucket of this many requests refilled evenly over a minute; more answer 429
 * @param tokenDays how long a new personal access token lives when {@code --days} is not given
 * @param basicAuth whether local users may also call with HTTP Basic (name and password)
 */
@ConfigurationProperties("timebank.security")
public record AccessProperties(Integer requestsPerMinute, Integer tokenDays, Boolean basicAuth) {

  public AccessProperties {
    requestsPerMinute = requestsPerMinute == null ? 600 : requestsPerMinute;
    tokenDays = tokenDays == null ? 90 : tokenDays;
    basicAuth = basicAuth == null || basicAuth;
    if (requestsPerMinute < 1) {
      throw new IllegalArgumentException("timebank.security.requests-per-minute must be >= 1");
    }
  }
}
