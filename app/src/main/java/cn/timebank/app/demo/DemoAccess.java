package cn.timebank.app.demo;

import cn.timebank.app.TimebankApplication;
import cn.timebank.app.access.IssuedToken;
import cn.timebank.app.access.Role;
import cn.timebank.app.access.TokenStore;
import cn.timebank.app.access.UserStore;
import cn.timebank.app.config.TimebankProperties;
import cn.timebank.ingestion.receipt.Receipt;
import cn.timebank.ingestion.receipt.ReceiptStatus;
import cn.timebank.ledger.registry.RegistryStore;
import cn.timebank.standards.model.Period;
import cn.timebank.standards.registry.BankRegistryEntry;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo's access step: one user per role, each with a personal access token, then real HTTP
 * requests to the web application (started here on a free port, the same as {@code serve}) showing
 * what each may and may not fetch: 200 allowed, 403 not for its role, 404 beyond its scope
 * (answered as if it did not exist), 401 without a token.
 */
@Component
class DemoAccess {

  private final UserStore users;
  private final TokenStore tokens;
  private final RegistryStore registry;
  private final JdbcClient jdbc;
  private final Environment environment;
  private final TimebankProperties properties;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  DemoAccess(
      UserStore users,
      TokenStore tokens,
      RegistryStore registry,
      JdbcClient jdbc,
      Environment environment,
      TimebankProperties properties) {
    this.properties = properties;
    this.users = users;
    this.tokens = tokens;
    this.registry = registry;
    this.jdbc = jdbc;
    this.environment = environment;
  }

  void show(Period period, List<Receipt> receipts, PrintStream out)
      throws IOException, InterruptedException {
    Optional<Receipt> accepted =
        receipts.stream()
            .filter(r -> r.status() != ReceiptStatus.RJCT && r.bankCode() != null)
            .findFirst();
    if (accepted.isEmpty()) {
      out.println("  no accepted package: nothing to show");
      return;
    }
    String own = accepted.get().bankCode();
    String city = own.substring(0, 4);
    String far =
        registry.all().stream()
            .map(BankRegistryEntry::bankCode)
            .map(b -> b.value())
            .filter(b -> !b.startsWith(city))
            .findFirst()
            .orElse(own.substring(0, 6) + "-999");
    Map<String, String> tokenOf = new LinkedHashMap<>();
    tokenOf.put(
        "demo-operator  (BANK_OPERATOR " + own + ")",
        token("demo-operator", Role.BANK_OPERATOR, Set.of(own), null));
    tokenOf.put(
        "demo-reviewer  (CIVIL_AFFAIRS_REVIEWER " + city + "*)",
        token("demo-reviewer", Role.CIVIL_AFFAIRS_REVIEWER, Set.of(), city));
    tokenOf.put(
        "demo-policymaker (POLICYMAKER)",
        token("demo-policymaker", Role.POLICYMAKER, Set.of(), null));
    tokenOf.put("demo-admin     (ADMIN)", token("demo-admin", Role.ADMIN, Set.of(), null));
    tokenOf.put("no token", null);

    String participant =
        jdbc.sql(
                "select min(participant_ref) from cs_scores where bank_code = ? and score_period = ?")
            .params(own, period.toString())
            .query(String.class)
            .optional()
            .orElse("P000001");
    String pkg = accepted.get().packageId();
    Map<String, String> paths = new LinkedHashMap<>();
    paths.put("receipt of " + own, "/api/v1/submissions/" + pkg);
    paths.put("rejected records of " + own, "/api/v1/submissions/" + pkg + "/rejects.csv");
    paths.put(
        "score of participant " + participant,
        "/api/v1/participants/" + own + "/" + participant + "/score");
    paths.put("rating of " + own, "/api/v1/banks/" + own + "/rating?period=" + period);
    paths.put("rating of " + far, "/api/v1/banks/" + far + "/rating?period=" + period);
    paths.put(
        "compliance report of " + own,
        "/api/v1/reports/compliance?format=csv&bank=" + own + "&period=" + period);
    paths.put(
        "policy report of region " + city.substring(0, 2),
        "/api/v1/reports/policy?format=csv&region=" + city.substring(0, 2) + "&period=" + period);
    paths.put("Actuator metrics", "/actuator/metrics");
    paths.put("health", "/actuator/health");

    long started = System.nanoTime();
    try (ConfigurableApplicationContext web = startWeb(properties.dataDir())) {
      String base = "http://localhost:" + web.getEnvironment().getProperty("local.server.port");
      out.printf(
          "  web application on %s (started in %.1f s); each user's token, real requests:%n",
          base, (System.nanoTime() - started) / 1e9);
      for (Map.Entry<String, String> user : tokenOf.entrySet()) {
        out.println("  " + user.getKey());
        List<String> may = new ArrayList<>();
        List<String> mayNot = new ArrayList<>();
        for (Map.Entry<String, String> path : paths.entrySet()) {
          int status = get(base + path.getValue(), user.getValue());
          String line = String.format("%-34s %d %s", path.getKey(), status, meaning(status));
          (status / 100 == 2 ? may : mayNot).add(line);
        }
        may.forEach(l -> out.println("    may     " + l));
        mayNot.forEach(l -> out.println("    may not " + l));
      }
    }
    out.println(
        "  (404 beyond one's scope has the very body of an unknown bank or package;"
            + " the users stay: ./timebank token create demo-admin"
            + properties.dataDirOption()
            + ")");
  }

  private static String meaning(int status) {
    return switch (status) {
      case 200 -> "";
      case 401 -> "(no or invalid token)";
      case 403 -> "(not for this role)";
      case 404 -> "(beyond its scope, or none stored)";
      case 429 -> "(rate limit)";
      default -> "";
    };
  }

  private String token(String name, Role role, Set<String> banks, @Nullable String region) {
    if (users.find(name).isEmpty()) {
      byte[] password = new byte[18];
      new SecureRandom().nextBytes(password);
      users.add(name, role, banks, region, Base64.getEncoder().encodeToString(password));
    }
    IssuedToken token = tokens.create(name, 1);
    return token.secret();
  }

  private int get(String url, @Nullable String token) throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  /** The web application of {@code serve}, on a free port, on the same database; no drop folder. */
  private ConfigurableApplicationContext startWeb(Path dataDir) {
    Map<String, Object> web = new LinkedHashMap<>();
    web.put("server.port", "0");
    web.put("timebank.data-dir", dataDir.toAbsolutePath().toString());
    web.put("timebank.inbox.enabled", "false");
    for (String key :
        List.of(
            "spring.datasource.url", "spring.datasource.username", "spring.datasource.password")) {
      String value = environment.getProperty(key);
      if (value != null) {
        web.put(key, value);
      }
    }
    return new SpringApplicationBuilder(TimebankApplication.class)
        .web(WebApplicationType.SERVLET)
        .bannerMode(Banner.Mode.OFF)
        .logStartupInfo(false)
        .properties(web)
        .run();
  }
}
