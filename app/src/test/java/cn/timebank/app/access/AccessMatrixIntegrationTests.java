package cn.timebank.app.access;

import static cn.timebank.app.access.AccessFixtures.FAR;
import static cn.timebank.app.access.AccessFixtures.NEIGHBOUR;
import static cn.timebank.app.access.AccessFixtures.OWN;
import static cn.timebank.app.access.AccessFixtures.UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willAnswer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import cn.timebank.app.report.ReportRequest;
import cn.timebank.app.report.ReportRequestException;
import cn.timebank.app.report.Reports;
import cn.timebank.ingestion.Submissions;
import cn.timebank.ledger.registry.RegistryStore;
import cn.timebank.scoring.rating.BankRatings;
import cn.timebank.scoring.shared.ParticipantId;
import cn.timebank.scoring.store.ParticipantScores;
import cn.timebank.standards.model.Period;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every endpoint × every role × a resource in and out of the caller's scope → the expected status,
 * through the whole web application (security filters, controllers, H2 registry and user store).
 * What the pipeline and the score job would have stored is stood in for.
 */
// closes the context (and its H2 database in the temporary data dir) before JUnit deletes the dir;
// a cached context kept the database open, and the deletion could fail
@DirtiesContext
@SpringBootTest(
    properties = {
      "timebank.inbox.enabled=false",
      "logging.file.name=target/test-logs/timebank.log"
    })
@AutoConfigureMockMvc
class AccessMatrixIntegrationTests {

  @TempDir static Path dataDir;

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) {
    registry.add("timebank.data-dir", dataDir::toString);
  }

  /** Who calls: one user per role, and nobody. */
  enum Caller {
    ANONYMOUS,
    OPERATOR,
    REVIEWER,
    POLICYMAKER,
    ADMIN
  }

  /** What is called; {@code bank} is the bank whose resource it is. */
  enum Endpoint {
    UPLOAD,
    RECEIPT,
    REJECTS_CSV,
    PARTICIPANT_SCORE,
    BANK_RATING,
    REPORT_RECEIPT,
    REPORT_COMPLIANCE,
    REPORT_STATEMENT,
    REPORT_OVERVIEW,
    REPORT_POLICY,
    METRICS,
    HEALTH,
    API_DOCS
  }

  /** The bank of the package being uploaded: what the stand-in pipeline's receipt says. */
  private static String uploading = OWN;

  private static final Map<Caller, String> TOKENS = new EnumMap<>(Caller.class);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Autowired MockMvc mvc;
  @Autowired UserStore users;
  @Autowired TokenStore tokens;
  @Autowired RegistryStore registry;
  @Autowired JdbcClient jdbc;

  @MockitoBean Submissions submissions;
  @MockitoBean ParticipantScores scores;
  @MockitoBean BankRatings ratings;
  @MockitoBean Reports reports;

  @BeforeEach
  void banksUsersAndTheirData() throws Exception {
    if (TOKENS.isEmpty()) {
      AccessFixtures.registerBanks(registry);
      TOKENS.put(
          Caller.OPERATOR,
          AccessFixtures.token(users, tokens, "op", Role.BANK_OPERATOR, Set.of(OWN), null));
      TOKENS.put(
          Caller.REVIEWER,
          AccessFixtures.token(
              users, tokens, "rev", Role.CIVIL_AFFAIRS_REVIEWER, Set.of(), "3101"));
      TOKENS.put(
          Caller.POLICYMAKER,
          AccessFixtures.token(users, tokens, "pol", Role.POLICYMAKER, Set.of(), null));
      TOKENS.put(
          Caller.ADMIN, AccessFixtures.token(users, tokens, "adm", Role.ADMIN, Set.of(), null));
    }
    for (String bank : List.of(OWN, NEIGHBOUR, FAR)) {
      given(submissions.receipt(AccessFixtures.packageId(bank)))
          .willReturn(Optional.of(AccessFixtures.receipt(bank)));
    }
    given(submissions.receipt(AccessFixtures.packageId(UNKNOWN))).willReturn(Optional.empty());
    given(submissions.ingest(any()))
        .willAnswer(
            call -> {
              assertThat(call.<Path>getArgument(0)).isRegularFile();
              return AccessFixtures.receipt(uploading);
            });
    given(scores.latestPeriod(any())).willReturn(Optional.of(Period.parse(AccessFixtures.PERIOD)));
    given(scores.of(any(), any()))
        .willAnswer(call -> List.of(AccessFixtures.score(call.<ParticipantId>getArgument(0))));
    given(ratings.of(any(), any()))
        .willAnswer(call -> Optional.of(AccessFixtures.rating(call.<String>getArgument(0))));
    // The report service stands in: a few bytes, or what the real one says of an unknown bank or
    // package (the same exception and message).
    willAnswer(
            call -> {
              ReportRequest request = call.getArgument(0);
              if (UNKNOWN.equals(request.bank())) {
                throw new ReportRequestException(
                    ReportRequestException.Kind.BANK_NOT_FOUND, "no bank " + UNKNOWN);
              }
              if (AccessFixtures.packageId(UNKNOWN).equals(request.packageId())) {
                throw new ReportRequestException(
                    ReportRequestException.Kind.NOT_FOUND,
                    "no package with id '" + request.packageId() + "'");
              }
              call.<OutputStream>getArgument(1).write("report".getBytes(StandardCharsets.UTF_8));
              return null;
            })
        .given(reports)
        .render(any(), any());
  }

  /** The expected status of every cell of the matrix. */
  static Stream<Arguments> matrix() {
    List<Arguments> cells = new ArrayList<>();
    for (Endpoint endpoint : Endpoint.values()) {
      for (Caller caller : Caller.values()) {
        for (String bank : List.of(OWN, NEIGHBOUR, FAR)) {
          cells.add(Arguments.of(endpoint, caller, bank, expected(endpoint, caller, bank)));
        }
      }
    }
    return cells.stream();
  }

  /** The policy, written out independently of the code under test. */
  static int expected(Endpoint endpoint, Caller caller, String bank) {
    if (endpoint == Endpoint.HEALTH || endpoint == Endpoint.API_DOCS) {
      return 200;
    }
    if (caller == Caller.ANONYMOUS) {
      return 401;
    }
    if (endpoint == Endpoint.METRICS) {
      return caller == Caller.ADMIN ? 200 : 403;
    }
    boolean aggregate = endpoint == Endpoint.REPORT_OVERVIEW || endpoint == Endpoint.REPORT_POLICY;
    if (aggregate) {
      // region reports: policymakers and admins everywhere, reviewers under their prefix, banks no
      return switch (caller) {
        case POLICYMAKER, ADMIN -> 200;
        case REVIEWER -> bank.startsWith("3101") ? 200 : 404;
        default -> 403;
      };
    }
    if (caller == Caller.POLICYMAKER) {
      return 403; // aggregates only: no receipts, rejected records, scores, ratings or statements
    }
    if (endpoint == Endpoint.UPLOAD && caller == Caller.REVIEWER) {
      return 403; // reviewers read, banks deliver
    }
    int ok = endpoint == Endpoint.UPLOAD ? 202 : 200;
    boolean inScope =
        switch (caller) {
          case ADMIN -> true;
          case OPERATOR -> bank.equals(OWN);
          case REVIEWER -> bank.startsWith("3101");
          default -> false;
        };
    return inScope ? ok : 404;
  }

  @ParameterizedTest(name = "{0} as {1} for {2} -> {3}")
  @MethodSource("matrix")
  void answersEachRoleOnEachEndpointForEachBankAsThePolicySays(
      Endpoint endpoint, Caller caller, String bank, int expected) throws Exception {
    MvcResult result = call(endpoint, caller, bank);

    assertThat(result.getResponse().getStatus()).isEqualTo(expected);
    if (expected >= 400) {
      assertThat(MediaType.parseMediaType(result.getResponse().getContentType()))
          .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
      JsonNode problem = JSON.readTree(result.getResponse().getContentAsByteArray());
      assertThat(problem.get("status").asInt()).isEqualTo(expected);
      assertThat(problem.get("code").asString()).startsWith("E_");
      assertThat(problem.get("detail").asString()).contains(" / ");
      assertThat(result.getResponse().getContentAsString()).doesNotContain("Exception", "\tat ");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bankEndpoints")
  void answersABankOutOfScopeWithTheBodyOfAnUnknownBank(Endpoint endpoint) throws Exception {
    for (Caller caller :
        endpoint == Endpoint.UPLOAD
            ? List.of(Caller.OPERATOR)
            : List.of(Caller.OPERATOR, Caller.REVIEWER)) {
      MvcResult hidden = call(endpoint, caller, FAR);
      MvcResult unknown = call(endpoint, caller, UNKNOWN);

      assertThat(hidden.getResponse().getStatus()).isEqualTo(404);
      assertThat(unknown.getResponse().getStatus()).isEqualTo(404);
      assertThat(
              hidden.getResponse().getContentAsString(StandardCharsets.UTF_8).replace(FAR, UNKNOWN))
          .as(endpoint + " as " + caller)
          .isEqualTo(unknown.getResponse().getContentAsString(StandardCharsets.UTF_8));
      assertThat(hidden.getResponse().getHeaderNames())
          .containsExactlyInAnyOrderElementsOf(unknown.getResponse().getHeaderNames());
    }
  }

  static Stream<Endpoint> bankEndpoints() {
    return Stream.of(
        Endpoint.UPLOAD,
        Endpoint.RECEIPT,
        Endpoint.REJECTS_CSV,
        Endpoint.PARTICIPANT_SCORE,
        Endpoint.BANK_RATING,
        Endpoint.REPORT_RECEIPT,
        Endpoint.REPORT_COMPLIANCE,
        Endpoint.REPORT_STATEMENT);
  }

  @Test
  void answers401And403WithProblemsInBothLanguages() throws Exception {
    MvcResult anonymous = call(Endpoint.BANK_RATING, Caller.ANONYMOUS, OWN);
    JsonNode unauthenticated = JSON.readTree(anonymous.getResponse().getContentAsByteArray());
    assertThat(unauthenticated.get("code").asString()).isEqualTo("E_UNAUTHENTICATED");
    assertThat(unauthenticated.get("detail").asString()).contains("需要身份验证", "authentication");
    assertThat(anonymous.getResponse().getHeader(HttpHeaders.WWW_AUTHENTICATE))
        .startsWith("Bearer");

    MvcResult policymaker = call(Endpoint.PARTICIPANT_SCORE, Caller.POLICYMAKER, OWN);
    JsonNode forbidden = JSON.readTree(policymaker.getResponse().getContentAsByteArray());
    assertThat(forbidden.get("code").asString()).isEqualTo("E_FORBIDDEN");
    assertThat(forbidden.get("detail").asString()).contains("无权", "may not call");
  }

  @Test
  void refusesAnUnknownTokenAndBasicWithAWrongPassword() throws Exception {
    assertThat(
            mvc.perform(ratingOf(OWN).header(HttpHeaders.AUTHORIZATION, "Bearer tbp_nothing"))
                .andReturn()
                .getResponse()
                .getStatus())
        .isEqualTo(401);
    assertThat(
            mvc.perform(ratingOf(OWN).with(basic("op", "wrong-password")))
                .andReturn()
                .getResponse()
                .getStatus())
        .isEqualTo(401);
    assertThat(
            mvc.perform(ratingOf(OWN).with(basic("op", "password-of-op")))
                .andReturn()
                .getResponse()
                .getStatus())
        .isEqualTo(200);
  }

  @Test
  void answers401ForARevokedOrExpiredToken() throws Exception {
    IssuedToken revoked = tokens.create("adm", 1);
    IssuedToken expired = tokens.create("adm", 1);
    assertThat(statusWith(revoked.secret())).isEqualTo(200);
    assertThat(statusWith(expired.secret())).isEqualTo(200);

    assertThat(tokens.revoke(revoked.id())).isTrue();
    jdbc.sql("update tb_tokens set expires_at = ? where token_id = ?")
        .params(Timestamp.from(Instant.now().minusSeconds(1)), expired.id())
        .update();

    assertThat(statusWith(revoked.secret())).isEqualTo(401);
    assertThat(statusWith(expired.secret())).isEqualTo(401);
    assertThat(statusWith(TOKENS.get(Caller.ADMIN))).isEqualTo(200);
  }

  private int statusWith(String token) throws Exception {
    return mvc.perform(ratingOf(OWN).header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
        .andReturn()
        .getResponse()
        .getStatus();
  }

  @Test
  void putsSecurityHeadersOnAnswersAndErrors() throws Exception {
    for (MvcResult result :
        List.of(
            call(Endpoint.BANK_RATING, Caller.ADMIN, OWN),
            call(Endpoint.BANK_RATING, Caller.ANONYMOUS, OWN),
            call(Endpoint.METRICS, Caller.OPERATOR, OWN))) {
      var response = result.getResponse();
      assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
      assertThat(response.getHeader("X-Frame-Options")).isEqualTo("DENY");
      assertThat(response.getHeader("Content-Security-Policy")).contains("default-src 'none'");
      assertThat(response.getHeader("Referrer-Policy")).isEqualTo("no-referrer");
      assertThat(response.getHeader("Cache-Control")).contains("no-store");
    }
  }

  private MvcResult call(Endpoint endpoint, Caller caller, String bank) throws Exception {
    uploading = bank;
    AbstractMockHttpServletRequestBuilder<?> request =
        switch (endpoint) {
          case UPLOAD ->
              multipart("/api/v1/submissions")
                  .file(
                      new MockMultipartFile(
                          "file", "p.zip", "application/zip", AccessFixtures.packageZip(bank)));
          case RECEIPT -> get("/api/v1/submissions/{id}", AccessFixtures.packageId(bank));
          case REJECTS_CSV ->
              get("/api/v1/submissions/{id}/rejects.csv", AccessFixtures.packageId(bank));
          case PARTICIPANT_SCORE -> get("/api/v1/participants/{bank}/{ref}/score", bank, "P1");
          case BANK_RATING -> ratingOf(bank);
          case REPORT_RECEIPT ->
              get("/api/v1/reports/receipt").param("package", AccessFixtures.packageId(bank));
          case REPORT_COMPLIANCE ->
              get("/api/v1/reports/compliance")
                  .param("bank", bank)
                  .param("period", AccessFixtures.PERIOD);
          case REPORT_STATEMENT ->
              get("/api/v1/reports/statement").param("bank", bank).param("participant", "P1");
          case REPORT_OVERVIEW ->
              get("/api/v1/reports/overview")
                  .param("region", bank.substring(0, 4))
                  .param("period", AccessFixtures.PERIOD);
          case REPORT_POLICY ->
              get("/api/v1/reports/policy")
                  .param("region", bank.substring(0, 4))
                  .param("period", AccessFixtures.PERIOD);
          case METRICS -> get("/actuator/metrics");
          case HEALTH -> get("/actuator/health");
          case API_DOCS -> get("/v3/api-docs");
        };
    @Nullable String token = TOKENS.get(caller);
    if (token != null) {
      request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
    }
    return mvc.perform(request).andReturn();
  }

  private static MockHttpServletRequestBuilder ratingOf(String bank) {
    return get("/api/v1/banks/{bank}/rating?period=" + AccessFixtures.PERIOD, bank);
  }

  private static org.springframework.test.web.servlet.request.RequestPostProcessor basic(
      String user, String password) {
    return org.springframework.security.test.web.servlet.request
        .SecurityMockMvcRequestPostProcessors.httpBasic(user, password);
  }
}
