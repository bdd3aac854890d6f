package cn.timebank.ingestion.batch;

import cn.timebank.ingestion.read.RawRecord;
import cn.timebank.ingestion.rules.StoreLimits;
import cn.timebank.ingestion.rules.TimedRecord;
import cn.timebank.standards.identity.PersonKeySecret;
import cn.timebank.standards.model.FieldProblem;
import cn.timebank.standards.model.FileType;
import cn.timebank.standards.model.Participant;
import cn.timebank.standards.model.ParticipantReader;
import cn.timebank.standards.model.ReadResult;
import cn.timebank.standards.model.Service;
import cn.timebank.standards.model.ServiceReader;
import cn.timebank.standards.model.Transaction;
import cn.timebank.standards.model.TransactionReader;
import cn.timebank.standards.registry.BankRegistryEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Step 1's processor: reads a raw record with the standards reader of its file type into its
 * canonical record (a participant's identity number becomes its person key and masked id here, and
 * goes no further), or keeps the reader's problems; adds the store's width limits (R102); gives it
 * its key in application order.
 */
class RecordStager implements ItemProcessor<ReadRecord, StagedRecord> {

  private final String packageId;
  private final ParticipantReader participants;
  private final ServiceReader services;
  private final TransactionReader transactions;

  RecordStager(String packageId, BankRegistryEntry bank, PersonKeySecret secret) {
    this.packageId = packageId;
    this.participants = new ParticipantReader(bank.bankCode(), secret);
    this.services = new ServiceReader(bank.bankCode(), bank.amountBasis());
    this.transactions = new TransactionReader(bank.bankCode());
  }

  @Override
  public StagedRecord process(ReadRecord item) {
    RawRecord raw = item.raw();
    FileType type = item.file().type();
    String ref = rawRef(raw, type);
    if (raw.problem().isPresent()) {
      return staged(
          item,
          type,
          ref,
          ApplyKeys.unreadable(item.fileNo(), raw.line()),
          Payload.problems(raw.problemsWith(fieldProblems(type, raw.fields()))));
    }
    return switch (type) {
      case PARTICIPANTS -> participant(item, ref, participants.read(raw.fields()));
      case SERVICES -> service(item, ref, services.read(raw.fields()));
      case TRANSACTIONS -> transaction(item, ref, transactions.read(raw.fields()));
    };
  }

  private StagedRecord participant(
      ReadRecord item, @Nullable String ref, ReadResult<Participant> read) {
    Optional<List<FieldProblem>> problems = problems(read, StoreLimits::of);
    if (problems.isPresent()) {
      return unreadable(item, ref, problems.get());
    }
    Participant p = read.record().orElseThrow();
    return staged(
        item,
        FileType.PARTICIPANTS,
        p.participantRef(),
        ApplyKeys.participant(item.fileNo(), item.raw().line()),
        Payload.of(p));
  }

  private StagedRecord service(ReadRecord item, @Nullable String ref, ReadResult<Service> read) {
    Optional<List<FieldProblem>> problems = problems(read, StoreLimits::of);
    if (problems.isPresent()) {
      return unreadable(item, ref, problems.get());
    }
    Service s = read.record().orElseThrow();
    return staged(
        item,
        FileType.SERVICES,
        s.serviceRef(),
        ApplyKeys.timed(TimedRecord.positionOf(s), item.fileNo(), item.raw().line()),
        Payload.of(s));
  }

  private StagedRecord transaction(
      ReadRecord item, @Nullable String ref, ReadResult<Transaction> read) {
    Optional<List<FieldProblem>> problems = problems(read, StoreLimits::of);
    if (problems.isPresent()) {
      return unreadable(item, ref, problems.get());
    }
    Transaction t = read.record().orElseThrow();
    return staged(
        item,
        FileType.TRANSACTIONS,
        t.txnRef(),
        ApplyKeys.timed(TimedRecord.positionOf(t), item.fileNo(), item.raw().line()),
        Payload.of(t));
  }

  /** What the file type's reader finds wrong with the fields. */
  private List<FieldProblem> fieldProblems(FileType type, Map<String, String> fields) {
    return switch (type) {
      case PARTICIPANTS -> participants.read(fields).problems();
      case SERVICES -> services.read(fields).problems();
      case TRANSACTIONS -> transactions.read(fields).problems();
    };
  }

  /** The reader's problems, or the store's limits on what it read; empty when there are none. */
  private static <T> Optional<List<FieldProblem>> problems(
      ReadResult<T> read, java.util.function.Function<T, List<FieldProblem>> limits) {
    if (read.record().isEmpty()) {
      return Optional.of(read.problems());
    }
    List<FieldProblem> tooWide = new ArrayList<>(limits.apply(read.record().get()));
    return tooWide.isEmpty() ? Optional.empty() : Optional.of(tooWide);
  }

  private StagedRecord unreadable(
      ReadRecord item, @Nullable String ref, List<FieldProblem> problems) {
    return staged(
        item,
        item.file().type(),
        ref,
        ApplyKeys.unreadable(item.fileNo(), item.raw().line()),
        Payload.problems(problems));
  }

  private StagedRecord staged(
      ReadRecord item, FileType type, @Nullable String ref, String applyKey, Payload payload) {
    return new StagedRecord(
        packageId,
        item.fileNo(),
        item.raw().line(),
        item.file().name(),
        kind(type),
        ref,
        applyKey,
        PayloadJson.write(payload));
  }

  /**
   * The ref as written, when it is a plausible ref (R113 compares refs the reader rejected too).
   */
  private static @Nullable String rawRef(RawRecord raw, FileType type) {
    String value = raw.fields().get(type.refColumn());
    if (value == null) {
      return null;
    }
    String ref = value.strip();
    return ref.isEmpty() || ref.length() > 64 ? null : ref;
  }

  static char kind(FileType type) {
    return switch (type) {
      case PARTICIPANTS -> 'P';
      case SERVICES -> 'S';
      case TRANSACTIONS -> 'T';
    };
  }
}
