package cn.timebank.app.api.scoring;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

/** The OpenAPI description of {@link ScoringController}, kept apart from its code. */
@Tag(name = "scoring", description = "信用评分与银行评级 / credit scores and bank ratings")
interface ScoringApi {

  String JSON = "application/json";
  String PROBLEM = "application/problem+json";
  String SCORE_EXAMPLE =
      """
      {"bank_code": "310109-001", "participant_ref": "P000011", "period": "2026-09",
       "scores": [{"subject": "PROVIDER", "scorecard_version": "PROVIDER-2026.1", "score": 612,
         "grade": "C", "total_points": 112.0,
         "characteristics": [{"name": "credited_hours", "value": "21.50", "bin": "[20, 40)",
           "points": 18.0, "baseline": 20.0, "reason_code": "RC01"}],
         "reasons": [{"rank": 1, "code": "RC06", "points_below_baseline": 60.0,
           "zh": "存在异常记录", "en": "anomaly findings"}]}]}
      """;
  String RATING_EXAMPLE =
      """
      {"bank_code": "310109-001", "period": "2026-09", "rules_version": "RATING-2026.1",
       "criteria": {"punctuality": 100.00, "completeness": 100.00, "accuracy": 99.71,
                    "stability": 100.00, "plausibility": 98.80},
       "total": 99.67, "grade": "A",
       "figures": {"delivered": true, "days_late": 0, "files_expected": 3, "files_delivered": 3,
                   "records_read": 1723, "records_rejected": 5, "records_accepted": 1718,
                   "records_named_by_findings": 21, "corrections": 0}}
      """;

  @Operation(
      summary = "参与者信用评分 / a participant's credit score",
      description =
          "The stored scores (run `score` for the period first) of the participant for `period`,"
              + " or its latest scored period: provider and/or recipient scorecard, each"
              + " characteristic with value, bin, points and baseline, and the top four reasons"
              + " (points below baseline, PMML pointsBelow) in zh-CN and en.")
  @ApiResponse(
      responseCode = "200",
      description = "the scores of the period",
      content = @Content(mediaType = JSON, examples = @ExampleObject(value = SCORE_EXAMPLE)))
  @ApiResponse(
      responseCode = "400",
      description = "E_PERIOD_INVALID",
      content = @Content(mediaType = PROBLEM))
  @ApiResponse(
      responseCode = "404",
      description = "E_BANK_NOT_FOUND, E_PARTICIPANT_NOT_FOUND, E_PERIOD_NOT_FOUND",
      content = @Content(mediaType = PROBLEM))
  ScoreBody score(
      @Parameter(description = "bank code, e.g. 310109-001") String bank,
      @Parameter(description = "participant_ref of the bank") String ref,
      @Parameter(description = "YYYY-MM; the latest scored period when absent")
          @Nullable String period);

  @Operation(
      summary = "银行合规评级 / a bank's compliance rating",
      description =
          "The stored rating of the bank for `period` (run `score` first): punctuality,"
              + " completeness, accuracy, stability, plausibility (each 0–100), the weighted"
              + " total, the grade (A ≥ 90, B ≥ 75, C ≥ 60, else D) and the figures behind them.")
  @ApiResponse(
      responseCode = "200",
      description = "the rating",
      content = @Content(mediaType = JSON, examples = @ExampleObject(value = RATING_EXAMPLE)))
  @ApiResponse(
      responseCode = "400",
      description = "E_PERIOD_INVALID (also when it is missing)",
      content = @Content(mediaType = PROBLEM))
  @ApiResponse(
      responseCode = "404",
      description = "E_BANK_NOT_FOUND, E_PERIOD_NOT_FOUND",
      content = @Content(mediaType = PROBLEM))
  RatingBody rating(
      @Parameter(description = "bank code, e.g. 310109-001") String bank,
      @Parameter(description = "YYYY-MM, required") @Nullable String period);
}
