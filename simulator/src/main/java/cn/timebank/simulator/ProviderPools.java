package cn.timebank.simulator;

import java.util.ArrayList;
import java.util.List;

/**
 * The ordinary active providers (with a planner slot) and recipients of one bank that ordinary
 * services are drawn from, checked against the number of services asked for.
 */
record ProviderPools(int[] providerRefs, int[] recipientRefs) {

  static ProviderPools of(BankRun run) {
    BankBook book = run.book;
    List<Integer> providers = new ArrayList<>();
    List<Integer> recipients = new ArrayList<>();
    for (int ref = 1; ref <= book.members.size(); ref++) {
      Person p = book.member(ref);
      if (!p.isOrdinary() || !p.isActive()) {
        continue;
      }
      if (p.isProvider() && p.providerSlot >= 0) {
        providers.add(ref);
      }
      if (p.isRecipient()) {
        recipients.add(ref);
      }
    }
    String code = run.bank.code();
    if (providers.isEmpty() || recipients.size() < 2) {
      throw new IllegalArgumentException(
          "bank " + code + " has too few participants: raise --participants");
    }
    int capacity = providers.size() * run.days * 2;
    int wanted = World.split(run.options.services(), run.world.profiles)[run.index];
    if (wanted > capacity) {
      throw new IllegalArgumentException(
          "bank "
              + code
              + ": "
              + wanted
              + " services need more providers than "
              + providers.size()
              + " (at most about 2 services per provider-day): raise --participants");
    }
    return new ProviderPools(
        providers.stream().mapToInt(Integer::intValue).toArray(),
        recipients.stream().mapToInt(Integer::intValue).toArray());
  }
}
