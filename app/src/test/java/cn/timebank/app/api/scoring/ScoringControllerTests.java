package cn.timebank.app.api.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.timebank.app.access.ScopePolicy;
import cn.timebank.ledger.registry.RegistryStore;
import cn.timebank.scoring.rating.BankRating;
import cn.timebank.scoring.rating.BankRatings;
import cn.timebank.scoring.rating.RatingInputs;
import cn.timebank.scoring.scorecard.Subject;
import cn.timebank.scoring.shared.ParticipantId;
import cn.timebank.scoring.store.ParticipantScores;
import cn.timebank.scoring.store.StoredScore;
import cn.timebank.standards.model.BankCode;
import cn.timebank.standards.model.Period;
import cn.timebank.standards.registry.BankRegistryEntry;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@AutoConfigureMockMvc(addFilters = false) // who may call: AccessMatrixIntegrationTests
@WebMvcTest(
    controllers = ScoringController.class,
    properties = "logging.file.name=target/test-logs/timebank.log")
class ScoringControllerTests {

  static final String BANK = "310109-001";
  static final ParticipantId P = new ParticipantId(BANK, "P000011");
  static final Period SEPT = Period.parse("2026-09");

  @Autowired MockMvc mvc;

  @MockitoBean RegistryStore registry;
  @MockitoBean ParticipantScores scores;
  @MockitoBean BankRatings ratings;
  @MockitoBean ScopePolicy scope;

  @BeforeEach
  void oneRegisteredBank() {
    given(scope.canSeeBank(any())).willReturn(true);
    given(registry.find(any())).willReturn(Optional.empty());
    given(registry.find(BankCode.of(BANK)))
        .willReturn(Optional.of(Mockito.mock(BankRegistryEntry.class)));
  }

  static StoredScore providerScore() {
    List<StoredScore.Part> parts =
        List.of(
            new StoredScore.Part(
                1,
                "credited_hours",
                "21.50",
                "[20, 40)",
                new BigDecimal("18.0"),
                new BigDecimal("20.0"),
                "RC01"),
            new StoredScore.Part(
                2,
                "completion_rate",
                null,
                "missing",
                new BigDecimal("10.0"),
                new BigDecimal("15.0"),
                "RC03"));
    List<StoredScore.StoredReason> reasons =
        List.of(
            new StoredScore.StoredReason(1, "RC06", "存在异常记录", "anomaly findings", bd("60")),
            new StoredScore.StoredReason(2, "RC03", "完成率低", "low completion", bd("5")),
            new StoredScore.StoredReason(3, "RC01", "时数少", "few hours", bd("2")),
            new StoredScore.StoredReason(4, "RC02", "活跃月少", "few active months", bd("1")),
            new StoredScore.StoredReason(5, "RC04", "评价低", "low ratings", bd("0.5")));
    return new StoredScore(
        "2026-09", "PROVIDER-2026.1", Subject.PROVIDER, P, bd("112.0"), 612, "C", parts, reasons);
  }

  static BigDecimal bd(String v) {
    return new BigDecimal(v);
  }

  @Test
  void answersTheScoreOfTheLatestPeriodWithItsExplanation() throws Exception {
    given(scores.latestPeriod(P)).willReturn(Optional.of(SEPT));
    given(scores.of(P, SEPT)).willReturn(List.of(providerScore()));

    mvc.perform(get("/api/v1/participants/{bank}/{ref}/score", BANK, "P000011"))
        .andExpect(status().isOk())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
        .andExpect(jsonPath("$.bank_code").value(BANK))
        .andExpect(jsonPath("$.participant_ref").value("P000011"))
        .andExpect(jsonPath("$.period").value("2026-09"))
        .andExpect(jsonPath("$.scores[0].subject").value("PROVIDER"))
        .andExpect(jsonPath("$.scores[0].scorecard_version").value("PROVIDER-2026.1"))
        .andExpect(jsonPath("$.scores[0].score").value(612))
        .andExpect(jsonPath("$.scores[0].grade").value("C"))
        .andExpect(jsonPath("$.scores[0].characteristics[0].name").value("credited_hours"))
        .andExpect(jsonPath("$.scores[0].characteristics[0].value").value("21.50"))
        .andExpect(jsonPath("$.scores[0].characteristics[0].bin").value("[20, 40)"))
        .andExpect(jsonPath("$.scores[0].characteristics[0].points").value(18.0))
        .andExpect(jsonPath("$.scores[0].characteristics[0].baseline").value(20.0))
        .andExpect(jsonPath("$.scores[0].characteristics[1].value").value(Matchers.nullValue()))
        .andExpect(jsonPath("$.scores[0].reasons.length()").value(4))
        .andExpect(jsonPath("$.scores[0].reasons[0].code").value("RC06"))
        .andExpect(jsonPath("$.scores[0].reasons[0].zh").value("存在异常记录"))
        .andExpect(jsonPath("$.scores[0].reasons[0].en").value("anomaly findings"))
        .andExpect(jsonPath("$.scores[0].reasons[0].points_below_baseline").value(60));
  }

  @Test
  void answersTheScoreOfAPeriodAskedFor() throws Exception {
    given(scores.latestPeriod(P)).willReturn(Optional.of(Period.parse("2026-10")));
    given(scores.of(P, SEPT)).willReturn(List.of(providerScore()));

    mvc.perform(get("/api/v1/participants/{b}/{r}/score?period=2026-09", BANK, "P000011"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.period").value("2026-09"));
  }

  @Test
  void answersAnUnknownBankWith404() throws Exception {
    mvc.perform(get("/api/v1/participants/{b}/{r}/score", "999999-001", "P1"))
        .andExpect(status().isNotFound())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.code").value("E_BANK_NOT_FOUND"))
        .andExpect(jsonPath("$.detail").value(Matchers.containsString("登记册中没有银行")))
        .andExpect(jsonPath("$.detail").value(Matchers.containsString("no bank 999999-001")));
    mvc.perform(get("/api/v1/banks/{b}/rating?period=2026-09", "not-a-bank"))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.code").value("E_BANK_NOT_FOUND"));
  }

  @Test
  void answersABankOutOfScopeExactlyAsAnUnknownOne() throws Exception {
    given(scope.canSeeBank(BANK)).willReturn(false);
    given(scores.latestPeriod(P)).willReturn(Optional.of(SEPT));
    given(scores.of(P, SEPT)).willReturn(List.of(providerScore()));

    String hidden = body(get("/api/v1/participants/{b}/{r}/score", BANK, "P000011"));
    String unknown = body(get("/api/v1/participants/{b}/{r}/score", "999999-001", "P000011"));
    assertThat(hidden.replace(BANK, "999999-001")).isEqualTo(unknown);
    assertThat(hidden).contains("E_BANK_NOT_FOUND");
    mvc.perform(get("/api/v1/banks/{b}/rating?period=2026-09", BANK))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.code").value("E_BANK_NOT_FOUND"));
  }

  private String body(MockHttpServletRequestBuilder request) throws Exception {
    return mvc.perform(request)
        .andExpect(status().isNotFound())
        .andReturn()
        .getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }

  @Test
  void answersAParticipantNeverScoredWith404() throws Exception {
    given(scores.latestPeriod(any())).willReturn(Optional.empty());

    mvc.perform(get("/api/v1/participants/{b}/{r}/score", BANK, "NOBODY"))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.code").value("E_PARTICIPANT_NOT_FOUND"))
        .andExpect(jsonPath("$.detail").value(Matchers.containsString("NOBODY")));
  }

  @Test
  void answersAPeriodWithoutScoreWith404() throws Exception {
    given(scores.latestPeriod(P)).willReturn(Optional.of(SEPT));
    given(scores.of(P, Period.parse("2025-01"))).willReturn(List.of());

    mvc.perform(get("/api/v1/participants/{b}/{r}/score?period=2025-01", BANK, "P000011"))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.code").value("E_PERIOD_NOT_FOUND"))
        .andExpect(jsonPath("$.detail").value(Matchers.containsString("2025-01")));
  }

  @Test
  void refusesAMalformedPeriodWith400() throws Exception {
    for (String bad : List.of("2026-13", "2026-9", "202609", "x")) {
      mvc.perform(get("/api/v1/participants/{b}/{r}/score?period=" + bad, BANK, "P000011"))
          .andExpect(status().isBadRequest())
          .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
          .andExpect(jsonPath("$.code").value("E_PERIOD_INVALID"))
          .andExpect(jsonPath("$.detail").value(Matchers.containsString("YYYY-MM")));
      mvc.perform(get("/api/v1/banks/{b}/rating?period=" + bad, BANK))
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.code").value("E_PERIOD_INVALID"));
    }
    mvc.perform(get("/api/v1/banks/{b}/rating", BANK))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("E_PERIOD_INVALID"));
  }

  @Test
  void answersTheRatingWithItsCriteriaAndFigures() throws Exception {
    RatingInputs in = new RatingInputs(BANK, true, 0, 3, 3, 1723, 5, 1718, 21, 0);
    BankRating rating =
        new BankRating(
            "2026-09",
            "RATING-2026.1",
            BANK,
            bd("100.00"),
            bd("100.00"),
            bd("99.71"),
            bd("100.00"),
            bd("98.78"),
            bd("99.67"),
            "A",
            in);
    given(ratings.of(BANK, SEPT)).willReturn(Optional.of(rating));

    mvc.perform(get("/api/v1/banks/{b}/rating?period=2026-09", BANK))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.bank_code").value(BANK))
        .andExpect(jsonPath("$.period").value("2026-09"))
        .andExpect(jsonPath("$.rules_version").value("RATING-2026.1"))
        .andExpect(jsonPath("$.criteria.punctuality").value(100.00))
        .andExpect(jsonPath("$.criteria.completeness").value(100.00))
        .andExpect(jsonPath("$.criteria.accuracy").value(99.71))
        .andExpect(jsonPath("$.criteria.stability").value(100.00))
        .andExpect(jsonPath("$.criteria.plausibility").value(98.78))
        .andExpect(jsonPath("$.total").value(99.67))
        .andExpect(jsonPath("$.grade").value("A"))
        .andExpect(jsonPath("$.figures.delivered").value(true))
        .andExpect(jsonPath("$.figures.records_read").value(1723))
        .andExpect(jsonPath("$.figures.records_named_by_findings").value(21));
  }

  @Test
  void answersAPeriodWithoutRatingWith404() throws Exception {
    given(ratings.of(any(), any())).willReturn(Optional.empty());

    mvc.perform(get("/api/v1/banks/{b}/rating?period=2026-08", BANK))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.code").value("E_PERIOD_NOT_FOUND"))
        .andExpect(jsonPath("$.detail").value(Matchers.containsString("run score first")));
  }
}
