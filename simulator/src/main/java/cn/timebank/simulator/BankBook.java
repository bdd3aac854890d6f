package cn.timebank.simulator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One bank's participants and what the simulator promised about their balances: the opening balance
 * and how much of it may still be spent. Ordinary spending (gifts, donations, transfers,
 * redemptions) only ever uses opening balances, which are dated at the first minute of the period,
 * so no ordinary spending can fail R115 whatever the order the regulator evaluates it in.
 */
final class BankBook {

  final BankProfile profile;
  final List<Person> members = new ArrayList<>();
  int[] opening = new int[16];
  int[] spendable = new int[16];
  boolean[] giftedOrTransferredIn = new boolean[16];

  BankBook(BankProfile profile) {
    this.profile = profile;
  }

  /** Registers a person; returns the participant ref number (1-based). */
  int add(Person person) {
    members.add(person);
    int n = members.size();
    if (n > opening.length) {
      int size = Math.max(n, opening.length * 2);
      opening = Arrays.copyOf(opening, size);
      spendable = Arrays.copyOf(spendable, size);
      giftedOrTransferredIn = Arrays.copyOf(giftedOrTransferredIn, size);
    }
    return n;
  }

  Person member(int ref) {
    return members.get(ref - 1);
  }

  /** The participant ref as written: {@code P000123}. */
  static String ref(int number) {
    String digits = Integer.toString(number);
    return "P" + "000000".substring(Math.min(6, digits.length())) + digits;
  }

  void setOpening(int ref, int minutes) {
    spendable[ref - 1] += minutes - opening[ref - 1];
    opening[ref - 1] = minutes;
  }

  /** Takes {@code minutes} from what the participant may spend; false when it does not cover. */
  boolean spend(int ref, int minutes) {
    if (spendable[ref - 1] < minutes) {
      return false;
    }
    spendable[ref - 1] -= minutes;
    return true;
  }
}
