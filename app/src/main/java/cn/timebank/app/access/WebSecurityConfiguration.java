package cn.timebank.app.access;

import cn.timebank.app.api.ApiProblem;
import jakarta.servlet.DispatcherType;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The web security of {@code serve}: who is the caller (a personal access token, a JWT of the
 * configured issuer, or HTTP Basic with a local user) and which role may call which endpoint at
 * all. Which banks it sees there is {@link ScopePolicy}'s business, asked by the endpoints.
 *
 * <p>The role rules, in one place:
 *
 * <ul>
 *   <li>{@code /actuator/health}, {@code /v3/api-docs}: everyone, unauthenticated too
 *   <li>{@code /actuator/**} beyond health: ADMIN
 *   <li>{@code POST /api/v1/submissions}: BANK_OPERATOR, ADMIN
 *   <li>{@code GET /api/v1/submissions/**} (receipts, rejected records), {@code
 *       /api/v1/participants/**} (scores), {@code /api/v1/banks/**} (ratings): BANK_OPERATOR,
 *       CIVIL_AFFAIRS_REVIEWER, ADMIN &mdash; not POLICYMAKER (no participant-level data)
 *   <li>{@code /api/v1/reports/**}: every role; the report type decides (see README)
 *   <li>anything else: authenticated (an unknown path then answers 404)
 * </ul>
 *
 * No session, no cookies, hence no CSRF token; security headers on every answer.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class WebSecurityConfiguration {

  private static final String BEARER_CHALLENGE = "Bearer realm=\"timebank\"";

  /** Also keeps Spring Boot from creating its default user with a generated password. */
  @Bean
  AuthenticationProvider passwordAuthenticationProvider(UserStore users) {
    return new PasswordAuthenticationProvider(users);
  }

  @Bean
  SecurityFilterChain apiSecurity(
      HttpSecurity http,
      AuthenticationProvider passwordAuthenticationProvider,
      TokenStore tokens,
      ObjectProvider<JwtDecoder> jwtDecoder,
      AccessProperties properties,
      Clock clock)
      throws Exception {
    AuthenticationEntryPoint unauthenticated =
        (request, response, e) -> {
          response.setHeader(HttpHeaders.WWW_AUTHENTICATE, BEARER_CHALLENGE);
          ProblemResponses.write(request, response, ApiProblem.UNAUTHENTICATED);
        };
    AccessDeniedHandler forbidden =
        (request, response, e) ->
            ProblemResponses.write(
                request,
                response,
                ApiProblem.FORBIDDEN,
                request.getMethod() + " " + request.getRequestURI());
    AuthenticationManager bearer = bearerAuthentication(tokens, jwtDecoder.getIfAvailable());
    http.authorizeHttpRequests(
            rules ->
                rules
                    .dispatcherTypeMatchers(DispatcherType.ERROR)
                    .permitAll()
                    .requestMatchers("/error", "/actuator/health", "/actuator/health/**")
                    .permitAll()
                    .requestMatchers("/v3/api-docs", "/v3/api-docs/**")
                    .permitAll()
                    .requestMatchers("/actuator/**")
                    .hasRole(Role.ADMIN.name())
                    .requestMatchers(HttpMethod.POST, "/api/v1/submissions")
                    .hasAnyRole(Role.BANK_OPERATOR.name(), Role.ADMIN.name())
                    .requestMatchers(
                        HttpMethod.GET,
                        "/api/v1/submissions/**",
                        "/api/v1/participants/**",
                        "/api/v1/banks/**")
                    .hasAnyRole(
                        Role.BANK_OPERATOR.name(),
                        Role.CIVIL_AFFAIRS_REVIEWER.name(),
                        Role.ADMIN.name())
                    .requestMatchers("/api/v1/registry/**")
                    .hasRole(Role.ADMIN.name())
                    .anyRequest()
                    .authenticated())
        .oauth2ResourceServer(
            server ->
                server
                    .authenticationManagerResolver(request -> bearer)
                    .authenticationEntryPoint(unauthenticated)
                    .accessDeniedHandler(forbidden))
        .authenticationManager(new ProviderManager(passwordAuthenticationProvider))
        .exceptionHandling(
            errors ->
                errors.authenticationEntryPoint(unauthenticated).accessDeniedHandler(forbidden))
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(AbstractHttpConfigurer::disable)
        .formLogin(AbstractHttpConfigurer::disable)
        .logout(AbstractHttpConfigurer::disable)
        .requestCache(AbstractHttpConfigurer::disable)
        .headers(
            headers ->
                headers
                    .contentSecurityPolicy(
                        csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'"))
                    .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                    .frameOptions(frame -> frame.deny())
                    .httpStrictTransportSecurity(
                        hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000)))
        .addFilterBefore(
            new RateLimitFilter(new RateLimiter(properties.requestsPerMinute(), clock)),
            AuthorizationFilter.class);
    if (properties.basicAuth()) {
      http.httpBasic(basic -> basic.authenticationEntryPoint(unauthenticated));
    } else {
      http.httpBasic(AbstractHttpConfigurer::disable);
    }
    return http.build();
  }

  /** Personal access tokens first; JWTs of the issuer when one is configured. */
  private static AuthenticationManager bearerAuthentication(
      TokenStore tokens, @Nullable JwtDecoder jwt) {
    List<AuthenticationProvider> providers = new ArrayList<>();
    providers.add(new TokenAuthenticationProvider(tokens, jwt != null));
    if (jwt != null) {
      JwtAuthenticationProvider jwtProvider = new JwtAuthenticationProvider(jwt);
      jwtProvider.setJwtAuthenticationConverter(new JwtAccessConverter());
      providers.add(jwtProvider);
    }
    return new ProviderManager(providers);
  }
}
