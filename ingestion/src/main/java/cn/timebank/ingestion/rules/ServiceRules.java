package cn.timebank.ingestion.rules;

import cn.timebank.standards.codes.ResultCode;
import cn.timebank.standards.hours.HourCalculator;
import cn.timebank.standards.hours.HourRequest;
import cn.timebank.standards.hours.HourResult;
import cn.timebank.standards.hours.HourStandard;
import cn.timebank.standards.hours.StandardVersions;
import cn.timebank.standards.hours.eligibility.Eligibility;
import cn.timebank.standards.hours.provider.Overlaps;
import cn.timebank.standards.hours.schedule.RecordingLag;
import cn.timebank.standards.hours.storage.StorageSplit;
import cn.timebank.standards.minutes.StandardMinutes;
import cn.timebank.standards.model.BankCode;
import cn.timebank.standards.model.FieldProblem;
import cn.timebank.standards.model.Funding;
import cn.timebank.standards.model.Participant;
import cn.timebank.standards.model.Period;
import cn.timebank.standards.model.Service;
import cn.timebank.standards.registry.BankRegistryEntry;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One service (spec §3, §4, §6): R103-R107, R110-R112, R115-R118 and W201-W206. Every R check is
 * evaluated and the lowest code wins. Only a {@code COMPLETED} service is capped, credited and
 * posted; the others are validated, kept (their ref is used) and get W205/W206 only.
 */
final class ServiceRules {

  private final StandardVersions versions;
  private final HourCalculator calculator;
  private final Crediting crediting;
  private final DailyCapAdjustments cap;

  ServiceRules(
      StandardVersions versions,
      HourCalculator calculator,
      Crediting crediting,
      DailyCapAdjustments cap) {
    this.versions = versions;
    this.calculator = calculator;
    this.crediting = crediting;
    this.cap = cap;
  }

  /** What the crediting of a completed service will be: the day's credits with it included. */
  private record CapPlan(
      CreditedService row, List<CreditedService> others, Map<RecordId, StandardMinutes> credits) {
    StandardMinutes credited() {
      return credits.get(row.id());
    }
  }

  Outcome apply(Service s, List<FieldProblem> prior, RecordContext context, LedgerState state) {
    BankCode bank = context.bankCode();
    if (!s.bankCode().equals(bank)) {
      throw new IllegalArgumentException(
          s.serviceRef() + " is of " + s.bankCode() + ", not " + bank);
    }
    RecordId id = RecordId.service(bank, s.serviceRef());
    RecordPosition position = TimedRecord.positionOf(s);
    String fingerprint = Fingerprints.of(s);
    Optional<UsedRef> used = state.used(id);
    if (prior.isEmpty() && used.filter(u -> u.fingerprint().equals(fingerprint)).isPresent()) {
      return new Outcome.Confirmed(s.serviceRef());
    }
    Problems problems = new Problems(prior);
    used.filter(u -> !u.fingerprint().equals(fingerprint))
        .ifPresent(
            u ->
                problems.add(
                    ResultCode.R118,
                    "service_ref",
                    s.serviceRef() + " is already used for another service (" + u.period() + ")"));
    Optional<Participant> provider = state.participant(bank, s.providerRef());
    Optional<Participant> recipient = state.participant(bank, s.recipientRef());
    Parties.registered(problems, provider, "provider_ref", s.providerRef(), bank);
    Parties.registered(problems, recipient, "recipient_ref", s.recipientRef(), bank);
    Parties.distinct(
        problems, s.providerRef(), provider, "recipient_ref", s.recipientRef(), recipient);
    LocalDate day = s.day();
    context
        .period()
        .filter(period -> !period.contains(day))
        .ifPresent(period -> problems.add(ResultCode.R110, "start", day + " is not in " + period));
    Optional<HourStandard> standard = standardOn(day);
    if (standard.isEmpty()) {
      problems.add(ResultCode.R102, "start", "no hour standard is in force on " + day);
      return problems.rejection().orElseThrow();
    }
    Optional<String> unified = context.bank().unifiedCategory(s.localCategory(), day);
    Optional<HourResult.Computed> computed = hours(problems, s, context.bank(), unified);
    Eligibility eligibility = new Eligibility(standard.get());
    provider.ifPresent(
        p -> {
          problems.add(
              eligibility.provider(p.birthDate(), s.start()),
              "provider_ref",
              s.providerRef() + " is under " + standard.get().ages().providerMinAge());
          Parties.active(problems, p, day, "provider_ref");
          unified
              .flatMap(standard.get()::category)
              .ifPresent(
                  category ->
                      problems.add(
                          Eligibility.qualification(category, p.certificates()),
                          "local_category",
                          category.code() + " requires " + category.certificate().orElse("")));
        });
    recipient.ifPresent(
        r -> {
          Parties.active(problems, r, day, "recipient_ref");
          problems.add(
              eligibility.redemption(s.funding(), r.birthDate(), s.start()),
              "funding",
              s.recipientRef() + " is under " + standard.get().ages().redemptionMinAge());
        });
    Optional<CapPlan> plan = Optional.empty();
    if (s.status().movesHours() && computed.isPresent() && provider.isPresent()) {
      plan = Optional.of(plan(s, id, provider.get(), computed.get(), state));
      if (s.funding() == Funding.BALANCE && recipient.isPresent()) {
        StandardMinutes amount = plan.get().credited();
        StandardMinutes available =
            state.available(bank, Account.participant(s.recipientRef()), position);
        if (amount.compareTo(available) > 0) {
          problems.add(
              ResultCode.R115,
              "funding",
              s.recipientRef() + " has " + available + " available, the service costs " + amount);
        }
      }
    }
    Optional<Outcome.Rejected> rejection = problems.rejection();
    if (rejection.isPresent()) {
      return rejection.get();
    }
    List<ResultCode> warnings = new ArrayList<>();
    s.recordedAt()
        .flatMap(recorded -> RecordingLag.check(standard.get(), s.start(), recorded))
        .ifPresent(warnings::add);
    Participant r = recipient.orElseThrow();
    eligibility
        .recipient(s.funding(), r.birthDate(), r.disabilityLevel(), s.start())
        .ifPresent(warnings::add);
    EffectsBuilder effects = new EffectsBuilder(state, context.sourceId());
    effects.use(
        new UsedRef(
            id, fingerprint, Period.containing(day), position, Optional.empty(), Optional.empty()));
    FirstPackages.mark(effects, context, state);
    Map<ResultCode, String> notes = new EnumMap<>(ResultCode.class);
    if (plan.isPresent()) {
      warnings.addAll(computed.orElseThrow().warnings());
      credit(effects, plan.get(), position, warnings, notes);
    }
    return new Outcome.Accepted(warnings, notes, effects.build());
  }

  private Optional<HourResult.Computed> hours(
      Problems problems, Service s, BankRegistryEntry bank, Optional<String> unified) {
    HourResult result =
        calculator.calculate(
            new HourRequest(
                bank.amountBasis(),
                unified.orElse(""),
                s.start(),
                s.end(),
                s.localAmount(),
                bank.coinsPerHour()));
    if (unified.isEmpty()) {
      problems.add(
          ResultCode.R105,
          "local_category",
          s.localCategory() + " has no mapping at " + bank.bankCode() + " on " + s.day());
    }
    if (result instanceof HourResult.Rejected rejected) {
      if (unified.isPresent() || rejected.code() != ResultCode.R105) {
        problems.add(rejected.code(), rejected.field(), rejected.detail());
      }
      return Optional.empty();
    }
    return Optional.of((HourResult.Computed) result);
  }

  private CapPlan plan(
      Service s,
      RecordId id,
      Participant provider,
      HourResult.Computed computed,
      LedgerState state) {
    CreditedService row =
        new CreditedService(
            id,
            provider.personKey(),
            s.providerRef(),
            Crediting.fundingAccount(s.funding(), s.recipientRef()),
            s.start(),
            s.end(),
            computed.weighted(),
            StandardMinutes.ZERO,
            StandardMinutes.ZERO,
            StandardMinutes.ZERO,
            false);
    List<CreditedService> others =
        state.creditedOn(provider.personKey(), s.day()).stream()
            .filter(other -> !other.id().equals(id))
            .toList();
    List<CreditedService> day = new ArrayList<>(others);
    day.add(row);
    return new CapPlan(row, others, cap.credits(s.day(), day));
  }

  private void credit(
      EffectsBuilder effects,
      CapPlan plan,
      RecordPosition position,
      List<ResultCode> warnings,
      Map<ResultCode, String> notes) {
    CreditedService row = plan.row();
    StandardMinutes credited = plan.credited();
    if (credited.compareTo(row.weighted()) < 0) {
      warnings.add(ResultCode.W201);
      notes.put(
          ResultCode.W201,
          "credited "
              + credited.value()
              + " of "
              + row.weighted().value()
              + " standard minutes on "
              + row.day());
    }
    StorageSplit split =
        crediting.split(effects, row.id().bank(), row.provider(), credited, row.day());
    warnings.addAll(split.warnings());
    effects.post(
        PostingKind.SERVICE,
        row.id(),
        position,
        Crediting.lines(row.funding(), row.provider(), credited, split));
    effects.credit(row.withCredit(credited, split.toParticipant(), split.toPool()));
    if (row.end().isPresent()) {
      List<CreditedService> around =
          new ArrayList<>(
              effects.state().timedOverlapping(row.person(), row.start(), row.end().orElseThrow()));
      around.add(row);
      if (Overlaps.flagged(around.stream().map(CreditedService::asProviderService).toList())
          .contains(row.asProviderService())) {
        warnings.add(ResultCode.W204);
        notes.put(ResultCode.W204, overlapped(row, around));
      }
    }
    cap.adjustAll(effects, plan.others(), plan.credits());
  }

  /** The services {@code row} overlaps, by bank and ref: what a W204 alert names. */
  private static String overlapped(CreditedService row, List<CreditedService> around) {
    LocalDateTime end = row.end().orElseThrow();
    return "overlaps "
        + around.stream()
            .filter(other -> !other.id().equals(row.id()) && other.end().isPresent())
            .filter(other -> other.start().isBefore(end) && other.end().get().isAfter(row.start()))
            .map(other -> other.id().bank().value() + " " + other.id().ref())
            .sorted()
            .collect(Collectors.joining(", "));
  }

  private Optional<HourStandard> standardOn(LocalDate day) {
    return versions.findInForceOn(day);
  }
}
