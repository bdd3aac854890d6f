package cn.timebank.scoring.scorecard;

/** Who a scorecard scores: the participants who provide services, or those who receive them. */
public enum Subject {
  PROVIDER,
  RECIPIENT
}
