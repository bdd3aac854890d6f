package cn.timebank.scoring.scorecard;

import java.math.BigDecimal;

/** A ranked reason of a score: rank 1 cost the most points. */
public record Reason(int rank, ReasonText text, BigDecimal points) {}
