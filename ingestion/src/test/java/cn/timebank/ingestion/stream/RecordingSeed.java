package cn.timebank.ingestion.stream;

import cn.timebank.ingestion.rules.Effects;
import cn.timebank.ingestion.rules.InMemoryLedgerState;
import cn.timebank.ingestion.rules.RecordId;
import cn.timebank.ingestion.rules.StateSeed;
import cn.timebank.standards.model.BankCode;
import cn.timebank.standards.model.Participant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A ledger of record in memory for the seeding tests: packages are applied to an {@link
 * InMemoryLedgerState} and what each touched is remembered, as the database remembers it ({@code
 * participants.source_id}, {@code touched_records}); the seed reads the state back as {@link
 * cn.timebank.ingestion.state.DatabaseSeed} reads the database. Synchronised: the topology reads it
 * on a thread of its own while the test applies packages.
 */
final class RecordingSeed implements StateSeed {

  private record Touched(
      Set<List<String>> participants, Set<RecordId> records, Set<BankCode> banks) {
    Touched() {
      this(new LinkedHashSet<>(), new LinkedHashSet<>(), new LinkedHashSet<>());
    }
  }

  private final InMemoryLedgerState state = new InMemoryLedgerState();
  private final Map<String, Touched> packages = new LinkedHashMap<>();
  private final List<String> stored = new ArrayList<>();
  private int reads;

  InMemoryLedgerState state() {
    return state;
  }

  /** How many times a part was read (everything, or a package). */
  synchronized int reads() {
    return reads;
  }

  /** Applies one record's effects as part of package {@code packageId}. */
  synchronized void apply(String packageId, Effects effects) {
    state.apply(effects);
    Touched touched = packages.computeIfAbsent(packageId, id -> new Touched());
    effects
        .participants()
        .forEach(
            p -> touched.participants().add(List.of(p.bankCode().value(), p.participantRef())));
    touched.records().addAll(effects.touchedRecords());
    effects.firstPackage().ifPresent(first -> touched.banks().add(first.bank()));
  }

  @Override
  public synchronized List<String> packages() {
    return List.copyOf(stored);
  }

  /** The package's receipt is stored: from now on it is listed (as the database lists it). */
  synchronized void stored(String packageId) {
    stored.add(packageId);
  }

  /**
   * Records (or participants) per part: few, so that a package spans more parts than the intake
   * reads ahead and the reader waits for room, as it does with a large package.
   */
  static final int PART = 2;

  @Override
  public void everything(Consumer<Effects> parts) {
    List<Effects> read = new ArrayList<>();
    synchronized (this) { // read under the lock, given out without it (the reader may wait)
      reads++;
      Touched all = new Touched();
      packages
          .values()
          .forEach(
              t -> {
                all.participants().addAll(t.participants());
                all.records().addAll(t.records());
                all.banks().addAll(t.banks());
              });
      setting(all, Optional.empty(), read::add);
      all.banks()
          .forEach(
              bank -> read.add(StateSeed.setting(List.of(), List.of(), state.firstPackage(bank))));
    }
    read.forEach(parts);
  }

  @Override
  public void ofPackage(String packageId, Consumer<Effects> parts) {
    List<Effects> read = new ArrayList<>();
    synchronized (this) {
      reads++;
      Touched touched = packages.getOrDefault(packageId, new Touched()); // none yet: nothing
      setting(
          touched, touched.banks().stream().findFirst().flatMap(state::firstPackage), read::add);
    }
    read.forEach(parts);
  }

  /** The parts that set what {@code touched} names, {@link #PART} at a time, then the first. */
  private void setting(
      Touched touched,
      Optional<cn.timebank.ingestion.rules.FirstPackage> first,
      Consumer<Effects> parts) {
    List<Participant> participants = new ArrayList<>();
    touched
        .participants()
        .forEach(
            key ->
                state
                    .participant(BankCode.of(key.get(0)), key.get(1))
                    .ifPresent(participants::add));
    for (int from = 0; from < participants.size(); from += PART) {
      parts.accept(
          StateSeed.setting(
              participants.subList(from, Math.min(participants.size(), from + PART)),
              List.of(),
              Optional.empty()));
    }
    List<RecordState> records = new ArrayList<>();
    for (RecordId id : touched.records()) {
      records.add(
          new RecordState(
              id, state.credited(id), state.used(id), state.transfer(id), state.postingsOf(id)));
    }
    for (int from = 0; from < records.size(); from += PART) {
      parts.accept(
          StateSeed.setting(
              List.of(),
              records.subList(from, Math.min(records.size(), from + PART)),
              Optional.empty()));
    }
    parts.accept(StateSeed.setting(List.of(), List.of(), first));
  }
}
