package cn.timebank.app.serve;

import static org.assertj.core.api.Assertions.assertThat;

import cn.timebank.app.access.Role;
import cn.timebank.app.access.TokenStore;
import cn.timebank.app.access.UserStore;
import cn.timebank.ledger.registry.RegistryImport;
import cn.timebank.simulator.SimulationOptions;
import cn.timebank.simulator.Simulator;
import cn.timebank.standards.registry.RegistryFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bad requests and malformed packages through the REST door of the whole application on a real
 * port: each answers its P code in a 202 RJCT receipt, or a 4xx problem with a stable code and a
 * bilingual detail; none a 5xx; none adds a ledger row. A clean package at the end proves the
 * counting sees what is applied.
 */
// closes the context (and its H2 database in the temporary data dir) before JUnit deletes the dir;
// a cached context kept the database open, and the deletion could fail
@DirtiesContext
@SpringBootTest(
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.servlet.multipart.max-file-size=2MB",
      "timebank.inbox.enabled=false",
      "logging.file.name=target/test-logs/bad-uploads.log"
    })
class BadUploadsIntegrationTests {

  private static final YearMonth PERIOD = YearMonth.now(ZoneId.of("Asia/Shanghai")).minusMonths(2);

  @TempDir static Path dataDir;
  @TempDir static Path world;

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) {
    registry.add("timebank.data-dir", dataDir::toString);
  }

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired RegistryImport registryImport;
  @Autowired UserStore users;
  @Autowired TokenStore tokens;

  /** The bank's operator: every request is authenticated, so what is answered is the input's. */
  private String token;

  private final HttpClient http = HttpClient.newHttpClient();
  private final JsonMapper json = JsonMapper.builder().build();

  @BeforeAll
  static void simulate() {
    Simulator.run(new SimulationOptions(1, 60, 150, PERIOD, 11, world, false, 0, false));
  }

  @Test
  void answersEveryBadUploadWithItsCodeNeverA5xxAndAppliesNothing() throws Exception {
    registryImport.importBanks(RegistryFile.read(world.resolve("registry.json")));
    byte[] good = Files.readAllBytes(world.resolve("310109-001_" + PERIOD + "_1.zip"));
    Map<String, byte[]> entries = entries(good);
    List<String> failures = new ArrayList<>();
    long ledger = count("ledger_entries");

    Map<String, byte[]> packages = new LinkedHashMap<>();
    for (int n : new int[] {1, 100, 5000}) {
      byte[] noise = new byte[n];
      new Random(n).nextBytes(noise);
      packages.put("P001 " + n + " random bytes", noise);
    }
    for (int tenth = 2; tenth <= 8; tenth += 3) {
      packages.put(
          "P001 ZIP cut at " + tenth + "/10", Arrays.copyOf(good, good.length * tenth / 10));
    }
    for (String name : List.of("../evil.csv", "/etc/evil.csv", "a\\b.csv", "dir/x.csv")) {
      packages.put("P009 entry " + name, zip(entries, e -> with(e, name, "x\n")));
    }
    packages.put(
        "P009 zip bomb",
        zip(
            entries,
            e -> {
              byte[] padded = Arrays.copyOf(e.get("services.csv"), 20_000_000);
              Arrays.fill(padded, e.get("services.csv").length, padded.length, (byte) '\n');
              return with(e, "services.csv", padded);
            }));
    packages.put("P001 manifest missing", zip(entries, e -> without(e, "manifest.json")));
    packages.put("P002 signature missing", zip(entries, e -> without(e, "manifest.sig")));
    packages.put(
        "P002 signature of other bytes",
        zip(entries, e -> with(e, "manifest.sig", "AAAA" + "A".repeat(84))));
    packages.put(
        "P004 services changed",
        zip(entries, e -> with(e, "services.csv", new String(e.get("services.csv")) + "\r\n")));
    packages.put("P009 transactions missing", zip(entries, e -> without(e, "transactions.csv")));

    for (Map.Entry<String, byte[]> pkg : packages.entrySet()) {
      String code = pkg.getKey().substring(0, 4);
      HttpResponse<String> response = upload(pkg.getValue(), "application/zip");
      if (response.statusCode() != 202) {
        failures.add(pkg.getKey() + ": HTTP " + response.statusCode() + " " + response.body());
        continue;
      }
      JsonNode receipt = json.readTree(response.body());
      if (!receipt.get("status").asString().equals("RJCT")
          || !receipt.get("counts").get("codes").has(code)) {
        failures.add(pkg.getKey() + ": " + response.body());
      }
    }

    problem(upload(new byte[0], "application/zip"), 400, "E_UPLOAD_EMPTY", failures);
    HttpResponse<String> tooLarge = upload(new byte[3 * 1024 * 1024], "application/zip");
    problem(tooLarge, 413, "E_UPLOAD_TOO_LARGE", failures);
    assertThat(json.readTree(tooLarge.body()).get("detail").asString())
        .as("the limit named, in both languages")
        .isEqualTo("上传文件超过大小上限 2MB / the upload is larger than the limit of 2MB");
    HttpResponse<String> notMultipart =
        send(
            HttpRequest.newBuilder(uri("/api/v1/submissions"))
                .header("Content-Type", "application/zip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(good)));
    problem(notMultipart, 415, "E_UNSUPPORTED_MEDIA_TYPE", failures);
    assertThat(json.readTree(notMultipart.body()).get("detail").asString())
        .as("the media types in both languages, not the framework's English sentence")
        .isEqualTo(
            "不支持的内容类型：application/zip（应为 multipart/form-data）"
                + " / unsupported media type: application/zip (expected multipart/form-data)");
    problem(
        send(
            HttpRequest.newBuilder(uri("/api/v1/submissions"))
                .header("Content-Type", "multipart/form-data; boundary=x")
                .POST(HttpRequest.BodyPublishers.ofString("--x\r\nnot a part\r\n--x--\r\n"))),
        400,
        null,
        failures);
    problem(
        send(HttpRequest.newBuilder(uri("/api/v1/submissions/no-such-package")).GET()),
        404,
        "E_NOT_FOUND",
        failures);
    HttpResponse<String> delete =
        send(HttpRequest.newBuilder(uri("/api/v1/submissions/x")).DELETE());
    problem(delete, 405, "E_METHOD_NOT_ALLOWED", failures);
    assertThat(json.readTree(delete.body()).get("detail").asString())
        .isEqualTo("不支持该请求方法：DELETE / method not allowed: DELETE");
    problem(
        send(HttpRequest.newBuilder(uri("/api/v1/banks/310109-001/rating?period=2026-13")).GET()),
        400,
        "E_PERIOD_INVALID",
        failures);

    assertThat(failures).isEmpty();
    assertThat(count("ledger_entries")).as("no rejected upload applied anything").isEqualTo(ledger);

    HttpResponse<String> clean = upload(good, "application/zip");
    assertThat(clean.statusCode()).isEqualTo(202);
    assertThat(json.readTree(clean.body()).get("status").asString()).isNotEqualTo("RJCT");
    assertThat(count("ledger_entries")).as("the clean package is applied").isGreaterThan(ledger);
  }

  private void problem(
      HttpResponse<String> response, int status, String code, List<String> failures) {
    String body = response.body();
    boolean ok =
        response.statusCode() == status
            && body.contains("\"code\"")
            && (code == null || body.contains("\"" + code + "\""))
            && body.contains("\"detail\"")
            // RFC 9457's members in every problem, the framework's (404, 405, 415) too
            && body.contains("\"type\":\"about:blank\"")
            && body.contains("\"status\":" + status)
            && !body.contains("Exception")
            && !body.contains("\tat ");
    if (!ok) {
      failures.add(
          "expected " + status + " " + code + ", got " + response.statusCode() + " " + body);
    }
  }

  private long count(String table) {
    return jdbc.sql("select count(*) from " + table).query(Long.class).single();
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    if (token == null) {
      users.add("op", Role.BANK_OPERATOR, Set.of("310109-001"), null, "password-of-op");
      token = tokens.create("op", 1).secret();
    }
    request.header("Authorization", "Bearer " + token);
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private HttpResponse<String> upload(byte[] content, String type) throws Exception {
    String boundary = "timebank-bad-uploads";
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"p.zip\"\r\n"
                + "Content-Type: "
                + type
                + "\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
    body.writeBytes(content);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
    return send(
        HttpRequest.newBuilder(uri("/api/v1/submissions"))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
  }

  private static Map<String, byte[]> entries(byte[] zip) throws IOException {
    Path file = Files.createTempFile(world, "good", ".zip");
    Files.write(file, zip);
    Map<String, byte[]> entries = new LinkedHashMap<>();
    try (ZipFile zipFile = new ZipFile(file.toFile())) {
      for (ZipEntry entry : Collections.list(zipFile.entries())) {
        try (InputStream in = zipFile.getInputStream(entry)) {
          entries.put(entry.getName(), in.readAllBytes());
        }
      }
    }
    return entries;
  }

  private static Map<String, byte[]> with(Map<String, byte[]> entries, String name, String text) {
    return with(entries, name, text.getBytes(StandardCharsets.UTF_8));
  }

  private static Map<String, byte[]> with(Map<String, byte[]> entries, String name, byte[] bytes) {
    Map<String, byte[]> copy = new LinkedHashMap<>(entries);
    copy.put(name, bytes);
    return copy;
  }

  private static Map<String, byte[]> without(Map<String, byte[]> entries, String name) {
    Map<String, byte[]> copy = new LinkedHashMap<>(entries);
    copy.remove(name);
    return copy;
  }

  private static byte[] zip(Map<String, byte[]> entries, UnaryOperator<Map<String, byte[]>> edit)
      throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (Map.Entry<String, byte[]> entry : edit.apply(entries).entrySet()) {
        zip.putNextEntry(new ZipEntry(entry.getKey()));
        zip.write(entry.getValue());
        zip.closeEntry();
      }
    }
    return bytes.toByteArray();
  }
}
