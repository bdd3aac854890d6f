package cn.timebank.app.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.timebank.ingestion.Submissions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The OpenAPI description the whole web application serves (springdoc) at /v3/api-docs. */
// closes the context (and its H2 database in the temporary data dir) before JUnit deletes the dir;
// a cached context kept the database open, and the deletion could fail
@DirtiesContext
@SpringBootTest(
    properties = {
      "timebank.inbox.enabled=false",
      "logging.file.name=target/test-logs/timebank.log"
    })
@AutoConfigureMockMvc
class OpenApiTests {

  @TempDir static Path dataDir;

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) {
    registry.add("timebank.data-dir", dataDir::toString);
  }

  @Autowired MockMvc mvc;

  @MockitoBean Submissions submissions;

  @Test
  void describesTheSubmissionAndScoringPathsAndTheBearerScheme() throws Exception {
    String json =
        mvc.perform(get("/v3/api-docs"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    JsonNode api = JsonMapper.builder().build().readTree(json);

    assertThat(api.get("openapi").asString()).startsWith("3.");
    assertThat(api.get("paths").propertyNames())
        .containsExactlyInAnyOrder(
            "/api/v1/submissions",
            "/api/v1/submissions/{id}",
            "/api/v1/submissions/{id}/rejects.csv",
            "/api/v1/participants/{bank}/{ref}/score",
            "/api/v1/banks/{bank}/rating",
            "/api/v1/reports/{type}");
    JsonNode post = api.at("/paths/~1api~1v1~1submissions/post");
    assertThat(post.at("/responses/202/headers/Location").isMissingNode()).isFalse();
    assertThat(post.at("/requestBody/content").propertyNames()).contains("multipart/form-data");
    assertThat(api.at("/paths/~1api~1v1~1submissions~1{id}/get/responses/404").isMissingNode())
        .isFalse();
    JsonNode score = api.at("/paths/~1api~1v1~1participants~1{bank}~1{ref}~1score/get");
    assertThat(score.at("/responses").propertyNames()).contains("200", "400", "404");
    assertThat(score.at("/parameters").findValuesAsString("name"))
        .containsExactlyInAnyOrder("bank", "ref", "period");
    JsonNode rating = api.at("/paths/~1api~1v1~1banks~1{bank}~1rating/get");
    assertThat(rating.at("/responses").propertyNames()).contains("200", "400", "404");
    assertThat(rating.at("/responses/404/description").asString()).contains("E_BANK_NOT_FOUND");
    assertThat(api.at("/components/securitySchemes/bearer/scheme").asString()).isEqualTo("bearer");
    assertThat(api.at("/security/0").propertyNames()).containsExactly("bearer");
  }
}
