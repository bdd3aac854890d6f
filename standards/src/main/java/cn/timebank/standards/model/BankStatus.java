package cn.timebank.standards.model;

/** A registered bank's status (spec §1). Only an active bank may deliver (P003 otherwise). */
public enum BankStatus {
  ACTIVE,
  SUSPENDED,
  CLOSED;

  public boolean acceptsPackages() {
    return this == ACTIVE;
  }
}
