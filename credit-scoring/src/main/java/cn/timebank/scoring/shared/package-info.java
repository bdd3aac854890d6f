/**
 * What the features of credit scoring share: a participant's identity ({@link
 * cn.timebank.scoring.shared.ParticipantId}), the time window of a period ({@link
 * cn.timebank.scoring.shared.ScoringWindow}) and the reader of a versioned data index ({@link
 * cn.timebank.scoring.shared.VersionIndex}).
 */
@NullMarked
package cn.timebank.scoring.shared;

import org.jspecify.annotations.NullMarked;
