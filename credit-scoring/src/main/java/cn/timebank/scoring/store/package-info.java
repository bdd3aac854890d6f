/**
 * The score tables ({@code cs_scores}, {@code cs_score_part_sets} — {@code cs_score_parts} before
 * V101 —, {@code cs_score_reasons}; schema in {@code db/migration/common/V100__credit_scoring.sql}
 * and {@code V101__score_parts_packed.sql}) and their read side for explanations and the REST API
 * ({@link cn.timebank.scoring.store.ParticipantScores}).
 */
@NullMarked
package cn.timebank.scoring.store;

import org.jspecify.annotations.NullMarked;
