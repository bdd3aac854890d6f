package cn.timebank.ledger.balance;

import cn.timebank.standards.minutes.StandardMinutes;

/** The sum of all of a bank's entries; zero in a sound double-entry ledger. */
public record BankTotal(String bankCode, StandardMinutes total, long entries) {

  public boolean balanced() {
    return total.isZero();
  }
}
