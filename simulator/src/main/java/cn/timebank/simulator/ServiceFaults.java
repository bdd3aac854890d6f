package cn.timebank.simulator;

import cn.timebank.standards.hours.Category;
import cn.timebank.standards.hours.eligibility.Eligibility;
import cn.timebank.standards.model.AmountBasis;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Injects faults into plain services: each required code once, soon after the previous one, and
 * random ones at the error rate. Every injected fault is built so that no lower code applies.
 */
final class ServiceFaults {

  /** Codes injected by mutating an ordinary service. */
  static final List<String> MUTATIONS =
      List.of(
          "R101", "R102", "R103", "R104", "R105", "R106", "R107", "R110", "R111", "R112", "R113",
          "R116", "R117", "W202", "W205", "W206");

  /** Mutations drawn at random at the error rate (no special carrier person needed). */
  private static final List<String> RANDOM_MUTATIONS =
      List.of(
          "R101", "R102", "R103", "R104", "R105", "R106", "R107", "R110", "R113", "R116", "W202",
          "W205");

  private final BankRun run;
  private final FaultCarriers carriers;
  private final Deque<String> pending;
  private int nextRequiredAt;

  ServiceFaults(BankRun run, FaultCarriers carriers, List<String> required) {
    this.run = run;
    this.carriers = carriers;
    this.pending = new ArrayDeque<>(required);
  }

  /** The required codes not injected yet. */
  Deque<String> pending() {
    return pending;
  }

  /**
   * Maybe injects a fault into the {@code index}-th service of the file: a pending required one, or
   * a random one at the error rate. {@code lastCleanRef} is the ref of the last plain service.
   */
  void maybeMutate(ServiceRow row, int index, String lastCleanRef) {
    if (!row.isPlainIssuedCompleted()) {
      return;
    }
    if (!pending.isEmpty() && index >= nextRequiredAt) {
      for (String code : pending) {
        if (mutate(row, code, true, lastCleanRef)) {
          pending.remove(code);
          nextRequiredAt = index + 1 + run.random.nextInt(4);
          return;
        }
      }
    }
    double errorRate = run.options.errorRate();
    if (errorRate > 0 && run.random.nextDouble() < errorRate) {
      for (int tries = 0; tries < 3; tries++) {
        String code = RANDOM_MUTATIONS.get(run.random.nextInt(RANDOM_MUTATIONS.size()));
        if (mutate(row, code, false, lastCleanRef)) {
          return;
        }
      }
    }
  }

  /** Injects one fault into a plain service; false when the fault does not fit this service. */
  boolean mutate(ServiceRow row, String code, boolean required, String lastCleanRef) {
    BankProfile bank = run.bank;
    String field;
    String note;
    LocalDate day = row.start.toLocalDate();
    switch (code) {
      case "R101" -> {
        if (bank.basis() == AmountBasis.DURATION) {
          row.end = null;
          field = "end";
        } else {
          row.localAmount = null;
          field = "local_amount";
        }
        note = "required " + field + " left empty";
      }
      case "R102" -> {
        row.verification = "VIDEO";
        field = "verification";
        note = "verification VIDEO is not in the enumeration";
      }
      case "R103" -> {
        if (!bank.hasDuration()) {
          return false;
        }
        row.end = row.start.minusMinutes(30);
        field = "end";
        note = "end 30 minutes before start";
      }
      case "R104" -> {
        if (!bank.hasDuration()) {
          return false;
        }
        row.end = row.start.plusMinutes(540);
        field = "end";
        note = "540 minutes, above the 480 maximum";
      }
      case "R105" -> {
        boolean retired =
            bank.retiredCode().isPresent() && !day.isBefore(bank.mappingV2From().orElseThrow());
        row.localCategory = retired ? bank.retiredCode().get() : Banks.UNMAPPED_CODE;
        field = "local_category";
        note = retired ? "code retired by the mapping change" : "code not in the bank's mapping";
      }
      case "R106" -> {
        row.recipientRef = "P" + (9_000_000 + run.random.nextInt(999_999));
        field = "recipient_ref";
        note = "recipient not registered";
      }
      case "R107" -> {
        row.recipientRef = row.providerRef;
        field = "recipient_ref";
        note = "provider serves themself";
      }
      case "R110" -> {
        int back = row.start.getDayOfMonth() + run.random.nextInt(3);
        row.start = row.start.minusDays(back);
        if (row.end != null) {
          row.end = row.end.minusDays(back);
        }
        row.recordedAt = (row.end != null ? row.end : row.start).plusHours(2);
        row.localCategory = bank.localCode(row.category, row.start.toLocalDate());
        field = "start";
        note = "service in the previous month";
      }
      case "R111" -> {
        provider(row, carriers.carrier("R111"));
        field = "provider_ref";
        note = "provider aged 16";
      }
      case "R112" -> {
        provider(row, carriers.carrier("R112"));
        field = "provider_ref";
        note = "provider SUSPENDED before the period";
      }
      case "R113" -> {
        if (lastCleanRef == null) {
          return false;
        }
        row.refOverride = lastCleanRef;
        field = "service_ref";
        note = "service_ref of an earlier service of this package";
      }
      case "R116" -> {
        Category target = unqualifiedCategory(row.provider);
        if (target == null) {
          return false;
        }
        row.category = target;
        row.localCategory = bank.localCode(target, day);
        field = "local_category";
        note = "provider lacks " + target.certificate().orElseThrow();
      }
      case "R117" -> {
        recipient(row, carriers.carrier("R117"));
        row.funding = "BALANCE";
        field = "recipient_ref";
        note = "BALANCE redemption by a recipient aged 50 (balance covers it)";
      }
      case "W202" -> {
        if (!bank.hasDuration()) {
          return false;
        }
        if (bank.basis() == AmountBasis.COINS) {
          row.end = row.start.plusMinutes(20);
          row.localAmount = 2;
          field = "local_amount";
        } else {
          row.end = row.start.plusMinutes(25);
          field = "end";
        }
        note = "15 billable minutes, below 30";
      }
      case "W205" -> {
        if (row.start.getDayOfMonth() > 2) {
          return false;
        }
        row.recordedAt = row.start.plusDays(31).plusHours(2);
        field = "recorded_at";
        note = "recorded 31 days after the service";
      }
      case "W206" -> {
        recipient(row, carriers.carrier("W206"));
        field = "recipient_ref";
        note = "ISSUED service to a recipient aged 45 without disability";
      }
      default -> {
        return false;
      }
    }
    row.fault = Fault.injected(code, field, note + (required ? "" : " (error rate)"));
    return true;
  }

  /** The last category of the catalogue that needs a certificate the provider lacks, or null. */
  private Category unqualifiedCategory(Person provider) {
    List<Category> categories = run.world.catalogue.categories();
    for (int i = categories.size() - 1; i >= 0; i--) {
      Category c = categories.get(i);
      if (Eligibility.qualification(c, provider.certificates()).isPresent()) {
        return c;
      }
    }
    return null;
  }

  private static void provider(ServiceRow row, Person carrier) {
    row.provider = carrier;
    row.providerRef = BankBook.ref(carrier.ref1);
  }

  private static void recipient(ServiceRow row, Person carrier) {
    row.recipient = carrier;
    row.recipientRef = BankBook.ref(carrier.ref1);
  }
}
