package cn.timebank.ingestion.rules;

import cn.timebank.standards.hours.StandardVersions;
import cn.timebank.standards.hours.provider.DailyCap;
import cn.timebank.standards.hours.provider.DailyCredit;
import cn.timebank.standards.hours.storage.StorageSplit;
import cn.timebank.standards.identity.PersonKey;
import cn.timebank.standards.minutes.StandardMinutes;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Spec §3.4 across arrival order (§5): a person-day is always capped as a whole with the standards'
 * {@link DailyCap}, so a service's credit is what the cap gives it among all the day's services
 * known, in any bank, whatever order they arrived in. When a service arrives (or leaves, by a
 * reversal or a correction) every other service of the day whose credit changes gets a {@code
 * CAP_ADJUSTMENT} posting in its own bank for the difference, so the ledger converges.
 *
 * <p>An adjustment re-splits the service's new credit against the storage cap as if it were posted
 * afresh: the provider's balance without this service's share, then the cap; the posting moves the
 * difference on the funding account, the provider and the pool (decision: the split a fresh posting
 * of the new credit would get, so a provider at the cap loses the pool's share first). Adjustments
 * are never refused, even when they leave an account below zero (a provider who spent hours that a
 * later report shows were over the cap).
 */
final class DailyCapAdjustments {

  private final StandardVersions versions;
  private final Crediting crediting;

  DailyCapAdjustments(StandardVersions versions, Crediting crediting) {
    this.versions = versions;
    this.crediting = crediting;
  }

  /** The credit of each of the day's services. */
  Map<RecordId, StandardMinutes> credits(LocalDate day, Collection<CreditedService> services) {
    Map<String, RecordId> ids = new HashMap<>();
    services.forEach(s -> ids.put(s.id().bank().value() + "\u0000" + s.id().ref(), s.id()));
    List<DailyCredit> credits =
        DailyCap.of(versions.inForceOn(day))
            .apply(services.stream().map(CreditedService::asProviderService).toList());
    Map<RecordId, StandardMinutes> byId = new HashMap<>();
    for (DailyCredit credit : credits) {
      byId.put(
          ids.get(credit.service().bankCode() + "\u0000" + credit.service().serviceRef()),
          credit.credited());
    }
    return byId;
  }

  /** Re-caps a person-day as it will be and adjusts every service whose credit changes. */
  void recap(EffectsBuilder effects, PersonKey person, LocalDate day) {
    List<CreditedService> rows = effects.creditedOn(person, day);
    if (rows.isEmpty()) {
      return;
    }
    adjustAll(effects, rows, credits(day, rows));
  }

  /** Adjusts each of {@code rows} whose credit differs from {@code credits}. */
  void adjustAll(
      EffectsBuilder effects, List<CreditedService> rows, Map<RecordId, StandardMinutes> credits) {
    for (CreditedService row : new ArrayList<>(rows)) {
      StandardMinutes credit = credits.get(row.id());
      if (!credit.equals(row.credited())) {
        adjust(effects, row, credit);
      }
    }
  }

  private void adjust(EffectsBuilder effects, CreditedService row, StandardMinutes credit) {
    StandardMinutes without =
        effects.balance(row.id().bank(), row.provider()).minus(row.toProvider());
    StorageSplit split = crediting.split(without, credit, row.day());
    List<Line> lines = new ArrayList<>();
    Crediting.add(lines, row.funding(), -credit.minus(row.credited()).value());
    Crediting.add(lines, row.provider(), split.toParticipant().minus(row.toProvider()).value());
    Crediting.add(lines, Account.POOL, split.toPool().minus(row.toPool()).value());
    effects.post(PostingKind.CAP_ADJUSTMENT, row.id(), row.position(), lines);
    effects.credit(row.withCredit(credit, split.toParticipant(), split.toPool()));
  }
}
