package cn.timebank.app.serve;

import static org.assertj.core.api.Assertions.assertThat;

import cn.timebank.app.access.Role;
import cn.timebank.app.access.TokenStore;
import cn.timebank.app.access.UserStore;
import cn.timebank.ledger.audit.AuditAction;
import cn.timebank.ledger.audit.AuditTrail;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole application on a real port (Tomcat, H2 under a temporary data directory), spoken to
 * over HTTP with personal access tokens. No ingestion pipeline is wired in this build, so the
 * stand-in answers uploads.
 */
// closes the context (and its H2 database in the temporary data dir) before JUnit deletes the dir;
// a cached context kept the database open, and the deletion could fail
@DirtiesContext
@SpringBootTest(
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.servlet.multipart.max-file-size=1KB",
      "logging.file.name=target/test-logs/timebank.log"
    })
class ServeIntegrationTests {

  @TempDir static Path dataDir;

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) {
    registry.add("timebank.data-dir", dataDir::toString);
  }

  @LocalServerPort int port;
  @Autowired AuditTrail trail;

  private final HttpClient http = HttpClient.newHttpClient();
  private final JsonMapper json = JsonMapper.builder().build();

  @Autowired UserStore users;
  @Autowired TokenStore tokens;

  /** A fresh token of a user of the role (added on first use). */
  private String tokenOf(String name, Role role) {
    if (users.find(name).isEmpty()) {
      users.add(
          name,
          role,
          Set.of(),
          role == Role.CIVIL_AFFAIRS_REVIEWER ? "31" : null,
          "pw-" + name + "-pw");
    }
    return tokens.create(name, 1).secret();
  }

  private HttpResponse<String> get(String path) throws Exception {
    return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)));
  }

  private HttpResponse<String> get(String path, String token) throws Exception {
    return send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Authorization", "Bearer " + token));
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private HttpResponse<String> upload(int size) throws Exception {
    String boundary = "timebank-test-boundary";
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(
        ("--"
                + boundary
                + "\r\n"
                + "Content-Disposition: form-data; name=\"file\"; filename=\"p.zip\"\r\n"
                + "Content-Type: application/zip\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
    body.writeBytes(new byte[size]);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/submissions"))
            .header("Authorization", "Bearer " + tokenOf("admin", Role.ADMIN))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
            .build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  @Test
  void reportsHealthWithTheDatabase() throws Exception {
    HttpResponse<String> response = get("/actuator/health");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode health = json.readTree(response.body());
    assertThat(health.get("status").asString()).isEqualTo("UP");
    assertThat(health.at("/components/db/status").asString()).isEqualTo("UP");
  }

  @Test
  void servesTheOpenApiDescription() throws Exception {
    HttpResponse<String> response = get("/v3/api-docs");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json.readTree(response.body()).get("paths").propertyNames())
        .contains("/api/v1/submissions", "/api/v1/submissions/{id}/rejects.csv");
  }

  @Test
  void exposesMetricsToAdminsOnly() throws Exception {
    assertThat(get("/actuator/metrics", tokenOf("admin", Role.ADMIN)).statusCode()).isEqualTo(200);
    HttpResponse<String> reviewer =
        get("/actuator/metrics", tokenOf("rev", Role.CIVIL_AFFAIRS_REVIEWER));
    assertThat(reviewer.statusCode()).isEqualTo(403);
    assertThat(json.readTree(reviewer.body()).get("code").asString()).isEqualTo("E_FORBIDDEN");
    HttpResponse<String> nobody = get("/actuator/metrics");
    assertThat(nobody.statusCode()).isEqualTo(401);
    assertThat(json.readTree(nobody.body()).get("code").asString()).isEqualTo("E_UNAUTHENTICATED");
    assertThat(nobody.headers().firstValue("WWW-Authenticate"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
  }

  @Test
  void putsSecurityHeadersOnEveryAnswer() throws Exception {
    for (HttpResponse<String> response :
        List.of(get("/actuator/health"), get("/api/v1/banks/310109-001/rating?period=2026-09"))) {
      assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
      assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
      assertThat(response.headers().firstValue("Content-Security-Policy"))
          .hasValue("default-src 'none'; frame-ancestors 'none'");
      assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
    }
  }

  @Test
  void takesAnUploadThroughThePipelineAndServesItsReceipt() throws Exception {
    HttpResponse<String> response = upload(100); // 100 zero bytes: not a ZIP

    assertThat(response.statusCode()).isEqualTo(202);
    JsonNode receipt = json.readTree(response.body());
    assertThat(receipt.get("status").asString()).isEqualTo("RJCT");
    assertThat(receipt.get("counts").get("codes").has("P001")).isTrue();
    String location = response.headers().firstValue("Location").orElseThrow();
    assertThat(location).isEqualTo("/api/v1/submissions/" + receipt.get("package_id").asString());

    HttpResponse<String> stored = get(location, tokenOf("admin", Role.ADMIN));
    assertThat(stored.statusCode()).isEqualTo(200);
    assertThat(json.readTree(stored.body()).get("package_id")).isEqualTo(receipt.get("package_id"));
    assertThat(trail.since(Instant.EPOCH, Optional.empty()))
        .as("the upload is in the audit trail, by whom and from where")
        .anySatisfy(
            e -> {
              assertThat(e.event().action()).isEqualTo(AuditAction.UPLOAD);
              assertThat(e.event().target()).isEqualTo(receipt.get("package_id").asString());
              assertThat(e.event().actor()).isEqualTo("admin");
              assertThat(e.event().origin()).isIn("http:127.0.0.1", "http:0:0:0:0:0:0:0:1");
              assertThat(e.event().detail()).startsWith("status RJCT, file p.zip");
            });
  }

  @Test
  void answersAnUploadOverTheContainersLimitWith413() throws Exception {
    HttpResponse<String> response = upload(4096);

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(json.readTree(response.body()).get("code").asString())
        .isEqualTo("E_UPLOAD_TOO_LARGE");
  }

  @Test
  void answersAnUnknownPathWithAProblemAndNoStackTrace() throws Exception {
    assertThat(get("/api/v1/nothing-here").statusCode()).isEqualTo(401);
    HttpResponse<String> response = get("/api/v1/nothing-here", tokenOf("admin", Role.ADMIN));

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(json.readTree(response.body()).get("code").asString()).isEqualTo("E_NOT_FOUND");
    assertThat(response.body()).doesNotContain("Exception", "\tat ");
  }
}
