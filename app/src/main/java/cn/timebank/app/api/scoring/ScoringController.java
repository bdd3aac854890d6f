package cn.timebank.app.api.scoring;

import cn.timebank.app.access.ScopePolicy;
import cn.timebank.app.api.ApiException;
import cn.timebank.app.api.ApiProblem;
import cn.timebank.ledger.registry.RegistryStore;
import cn.timebank.scoring.rating.BankRatings;
import cn.timebank.scoring.shared.ParticipantId;
import cn.timebank.scoring.store.ParticipantScores;
import cn.timebank.scoring.store.StoredScore;
import cn.timebank.standards.model.BankCode;
import cn.timebank.standards.model.Period;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Read-only views of what the {@code score} job stored: a participant's credit score with its
 * explanation, a bank's compliance rating with its figures. Unknown bank, participant or period:
 * 404 problems with codes of their own; a malformed period: 400 {@code E_PERIOD_INVALID}. A bank
 * beyond the caller's scope ({@link ScopePolicy}) is answered as an unknown bank.
 */
@RestController
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
class ScoringController implements ScoringApi {

  private final RegistryStore registry;
  private final ParticipantScores scores;
  private final BankRatings ratings;
  private final ScopePolicy scope;

  ScoringController(
      RegistryStore registry, ParticipantScores scores, BankRatings ratings, ScopePolicy scope) {
    this.registry = registry;
    this.scores = scores;
    this.ratings = ratings;
    this.scope = scope;
  }

  @Override
  @GetMapping("/participants/{bank}/{ref}/score")
  public ScoreBody score(
      @PathVariable String bank,
      @PathVariable String ref,
      @RequestParam(required = false) @Nullable String period) {
    Period asked = period == null ? null : period(period);
    requireBank(bank);
    ParticipantId id = new ParticipantId(bank, ref);
    Period latest =
        scores
            .latestPeriod(id)
            .orElseThrow(() -> new ApiException(ApiProblem.PARTICIPANT_NOT_FOUND, bank, ref));
    Period chosen = asked == null ? latest : asked;
    List<StoredScore> stored = scores.of(id, chosen);
    if (stored.isEmpty()) {
      throw new ApiException(ApiProblem.SCORE_PERIOD_NOT_FOUND, id, chosen);
    }
    return ScoreBody.of(id, chosen.toString(), stored);
  }

  @Override
  @GetMapping("/banks/{bank}/rating")
  public RatingBody rating(
      @PathVariable String bank, @RequestParam(required = false) @Nullable String period) {
    Period asked = period(period == null ? "(missing)" : period);
    requireBank(bank);
    return ratings
        .of(bank, asked)
        .map(RatingBody::of)
        .orElseThrow(() -> new ApiException(ApiProblem.RATING_PERIOD_NOT_FOUND, bank, asked));
  }

  private static Period period(String text) {
    try {
      return Period.parse(text);
    } catch (IllegalArgumentException e) {
      throw new ApiException(ApiProblem.PERIOD_INVALID, text);
    }
  }

  private void requireBank(String bank) {
    BankCode code;
    try {
      code = BankCode.of(bank);
    } catch (IllegalArgumentException e) {
      throw new ApiException(ApiProblem.BANK_NOT_FOUND, bank);
    }
    // A bank beyond the caller's scope answers exactly as an unknown one.
    if (registry.find(code).isEmpty() || !scope.canSeeBank(bank)) {
      throw new ApiException(ApiProblem.BANK_NOT_FOUND, bank);
    }
  }
}
