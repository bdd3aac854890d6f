package cn.timebank.ledger.balance;

import cn.timebank.ledger.entry.Account;
import cn.timebank.standards.minutes.StandardMinutes;

/** The balance of one account: the sum of its entries (positive = hours the account holds). */
public record AccountBalance(Account account, StandardMinutes balance) {}
