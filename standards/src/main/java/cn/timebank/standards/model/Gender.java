package cn.timebank.standards.model;

/** Spec §2 {@code gender}: {@code M} or {@code F}. */
public enum Gender {
  M,
  F
}
