package cn.timebank.app.access;

import static cn.timebank.app.access.AccessFixtures.FAR;
import static cn.timebank.app.access.AccessFixtures.OWN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import cn.timebank.ledger.registry.RegistryStore;
import cn.timebank.scoring.rating.BankRatings;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * JWT bearer tokens of an issuer (here a decoder from a locally generated RSA key: no network)
 * beside the personal access tokens, and the rate limit per token (3 a minute here).
 */
// closes the context (and its H2 database in the temporary data dir) before JUnit deletes the dir;
// a cached context kept the database open, and the deletion could fail
@DirtiesContext
@SpringBootTest(
    properties = {
      "timebank.inbox.enabled=false",
      "timebank.security.requests-per-minute=3",
      "logging.file.name=target/test-logs/timebank.log"
    })
@AutoConfigureMockMvc
class JwtAndRateLimitIntegrationTests {

  @TempDir static Path dataDir;

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) {
    registry.add("timebank.data-dir", dataDir::toString);
  }

  static final KeyPair ISSUER = rsa();
  static final KeyPair STRANGER = rsa();

  @TestConfiguration(proxyBeanMethods = false)
  static class Issuer {
    @Bean
    JwtDecoder jwtDecoder() {
      return NimbusJwtDecoder.withPublicKey((RSAPublicKey) ISSUER.getPublic()).build();
    }
  }

  private static boolean registered;
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Autowired MockMvc mvc;
  @Autowired UserStore users;
  @Autowired TokenStore tokens;
  @Autowired RegistryStore registry;

  @MockitoBean BankRatings ratings;

  @BeforeEach
  void banksAndRatings() {
    if (!registered) {
      AccessFixtures.registerBanks(registry);
      registered = true;
    }
    given(ratings.of(any(), any()))
        .willAnswer(call -> Optional.of(AccessFixtures.rating(call.<String>getArgument(0))));
  }

  @Test
  void takesAJwtWithRoleAndBanksFromItsClaims() throws Exception {
    String jwt =
        jwt(
            ISSUER,
            "jwt-operator",
            Map.of("timebank_role", "BANK_OPERATOR", "timebank_banks", List.of(OWN)),
            3600);

    assertThat(status(rating(OWN), jwt)).isEqualTo(200);
    assertThat(status(rating(FAR), jwt)).isEqualTo(404);
  }

  @Test
  void takesAReviewersRegionAndAPolicymakersRoleFromTheClaims() throws Exception {
    String reviewer =
        jwt(
            ISSUER,
            "jwt-reviewer",
            Map.of("timebank_role", "CIVIL_AFFAIRS_REVIEWER", "timebank_region", "44"),
            3600);
    String policymaker = jwt(ISSUER, "jwt-policy", Map.of("timebank_role", "POLICYMAKER"), 3600);

    assertThat(status(rating(FAR), reviewer)).isEqualTo(200);
    assertThat(status(rating(OWN), reviewer)).isEqualTo(404);
    assertThat(status(rating(OWN), policymaker)).isEqualTo(403);
  }

  @Test
  void refusesAJwtOfAnotherKeyExpiredOrWithoutAValidScope() throws Exception {
    Map<String, Object> admin = Map.of("timebank_role", "ADMIN");
    assertThat(status(rating(OWN), jwt(STRANGER, "s1", admin, 3600))).isEqualTo(401);
    assertThat(status(rating(OWN), jwt(ISSUER, "s2", admin, -600))).isEqualTo(401);
    assertThat(status(rating(OWN), jwt(ISSUER, "s3", Map.of(), 3600))).isEqualTo(401);
    assertThat(
            status(
                rating(OWN),
                jwt(ISSUER, "s4", Map.of("timebank_role", "BANK_OPERATOR"), 3600))) // no banks
        .isEqualTo(401);
    assertThat(status(rating(OWN), "not.a.jwt")).isEqualTo(401);
  }

  @Test
  void takesPersonalAccessTokensBesideJwts() throws Exception {
    String token =
        AccessFixtures.token(users, tokens, "pat-op", Role.BANK_OPERATOR, Set.of(OWN), null);

    assertThat(status(rating(OWN), token)).isEqualTo(200);
    assertThat(status(rating(FAR), token)).isEqualTo(404);
  }

  @Test
  void answers429OverTheRateLimitOfAToken() throws Exception {
    String busy = AccessFixtures.token(users, tokens, "busy", Role.ADMIN, Set.of(), null);
    String other = AccessFixtures.token(users, tokens, "busy", Role.ADMIN, Set.of(), null);

    for (int i = 0; i < 3; i++) {
      assertThat(status(rating(OWN), busy)).as("request %d", i + 1).isEqualTo(200);
    }
    MvcResult limited =
        mvc.perform(rating(OWN).header(HttpHeaders.AUTHORIZATION, "Bearer " + busy)).andReturn();

    assertThat(limited.getResponse().getStatus()).isEqualTo(429);
    assertThat(limited.getResponse().getHeader(HttpHeaders.RETRY_AFTER)).matches("[1-9][0-9]*");
    JsonNode problem = JSON.readTree(limited.getResponse().getContentAsByteArray());
    assertThat(problem.get("code").asString()).isEqualTo("E_RATE_LIMITED");
    assertThat(problem.get("detail").asString()).contains("请求过于频繁", "at most 3 a minute");
    assertThat(status(rating(OWN), other)).as("another token counts apart").isEqualTo(200);
    assertThat(mvc.perform(get("/actuator/health")).andReturn().getResponse().getStatus())
        .as("anonymous health is not limited")
        .isEqualTo(200);
  }

  private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder rating(
      String bank) {
    return get("/api/v1/banks/{bank}/rating?period=" + AccessFixtures.PERIOD, bank);
  }

  private int status(
      org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
      String bearer)
      throws Exception {
    return mvc.perform(request.header(HttpHeaders.AUTHORIZATION, "Bearer " + bearer))
        .andReturn()
        .getResponse()
        .getStatus();
  }

  private static String jwt(KeyPair key, String subject, Map<String, Object> claims, long seconds)
      throws Exception {
    Instant now = Instant.now();
    JWTClaimsSet.Builder set =
        new JWTClaimsSet.Builder()
            .subject(subject)
            .issuer("https://idp.example")
            .issueTime(Date.from(now.minusSeconds(Math.max(0, -seconds) + 60)))
            .expirationTime(Date.from(now.plusSeconds(seconds)));
    claims.forEach(set::claim);
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), set.build());
    jwt.sign(new RSASSASigner(key.getPrivate()));
    return jwt.serialize();
  }

  private static KeyPair rsa() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
