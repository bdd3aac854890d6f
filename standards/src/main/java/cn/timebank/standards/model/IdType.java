package cn.timebank.standards.model;

/** The kind of identity number a participant is registered with (spec §2 {@code id_type}). */
public enum IdType {
  /** The 18-character PRC resident identity number, checked by MOD 11-2 (R108, R109). */
  RESIDENT_ID,
  PASSPORT,
  OTHER
}
