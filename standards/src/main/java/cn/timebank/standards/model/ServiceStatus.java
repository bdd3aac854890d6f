package cn.timebank.standards.model;

/** Spec §2 service {@code status}. Only completed services move hours; the others feed scores. */
public enum ServiceStatus {
  COMPLETED,
  CANCELLED,
  NO_SHOW_PROVIDER,
  NO_SHOW_RECIPIENT,
  DISPUTED;

  /** True only for {@link #COMPLETED}. */
  public boolean movesHours() {
    return this == COMPLETED;
  }
}
