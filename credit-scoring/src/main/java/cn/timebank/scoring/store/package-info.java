/**
 * The score tables ({@code cs_scores}, {@code cs_score_parts}, {@code cs_score_reasons}; schema in
 * {@code db/migration/common/V100__credit_scoring.sql}) and their read side for explanations and
 * the REST API ({@link cn.timebank.scoring.store.ParticipantScores}).
 */
@NullMarked
package cn.timebank.scoring.store;

import org.jspecify.annotations.NullMarked;
