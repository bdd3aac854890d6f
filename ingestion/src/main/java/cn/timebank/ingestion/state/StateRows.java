package cn.timebank.ingestion.state;

import cn.timebank.ingestion.rules.Account;
import cn.timebank.ingestion.rules.AccountKind;
import cn.timebank.ingestion.rules.CreditedService;
import cn.timebank.ingestion.rules.Line;
import cn.timebank.ingestion.rules.Posting;
import cn.timebank.ingestion.rules.PostingKind;
import cn.timebank.ingestion.rules.RecordId;
import cn.timebank.ingestion.rules.RecordKind;
import cn.timebank.ingestion.rules.RecordPosition;
import cn.timebank.ingestion.rules.TransferItem;
import cn.timebank.ingestion.rules.UsedRef;
import cn.timebank.ledger.entry.EntryKind;
import cn.timebank.ledger.store.CreditRow;
import cn.timebank.ledger.store.IndexedPosting;
import cn.timebank.ledger.store.Position;
import cn.timebank.ledger.store.RecordKey;
import cn.timebank.ledger.store.TransferRow;
import cn.timebank.ledger.store.UsedRefRow;
import cn.timebank.standards.identity.PersonKey;
import cn.timebank.standards.minutes.StandardMinutes;
import cn.timebank.standards.model.BankCode;
import cn.timebank.standards.model.Period;
import cn.timebank.standards.model.TransactionType;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Maps the engine's values to the ledger stores' rows and back. */
final class StateRows {

  private StateRows() {}

  static RecordKey key(RecordId id) {
    return new RecordKey(id.bank().value(), id.kind().name(), id.ref());
  }

  static RecordId id(RecordKey key) {
    return new RecordId(BankCode.of(key.bank()), RecordKind.valueOf(key.kind()), key.ref());
  }

  static Position position(RecordPosition position) {
    return new Position(position.at(), position.kind().name(), position.ref());
  }

  static RecordPosition position(Position position) {
    return new RecordPosition(position.at(), RecordKind.valueOf(position.kind()), position.ref());
  }

  static cn.timebank.ledger.entry.Account account(Account account) {
    return new cn.timebank.ledger.entry.Account(
        cn.timebank.ledger.entry.AccountKind.valueOf(account.kind().name()),
        account.participantRef().orElse(null));
  }

  static Account account(String kind, @Nullable String participantRef) {
    return new Account(AccountKind.valueOf(kind), Optional.ofNullable(participantRef));
  }

  static CreditRow row(CreditedService s) {
    return new CreditRow(
        s.id().bank().value(),
        s.id().ref(),
        s.person().value(),
        s.providerRef(),
        s.funding().kind().name(),
        s.funding().participantRef().orElse(null),
        s.start(),
        s.end().orElse(null),
        s.weighted().value(),
        s.credited().value(),
        s.toProvider().value(),
        s.toPool().value(),
        s.reversed());
  }

  static CreditedService credited(CreditRow row) {
    return new CreditedService(
        RecordId.service(BankCode.of(row.bank()), row.serviceRef()),
        new PersonKey(row.personKey()),
        row.providerRef(),
        account(row.fundingKind(), row.fundingRef()),
        row.start(),
        Optional.ofNullable(row.end()),
        StandardMinutes.of(row.weighted()),
        StandardMinutes.of(row.credited()),
        StandardMinutes.of(row.toProvider()),
        StandardMinutes.of(row.toPool()),
        row.reversed());
  }

  static UsedRefRow row(UsedRef ref) {
    return new UsedRefRow(
        key(ref.id()),
        ref.fingerprint(),
        ref.period().toString(),
        position(ref.position()),
        ref.reverses().map(StateRows::key).orElse(null),
        ref.reversedBy().map(StateRows::key).orElse(null));
  }

  static UsedRef used(UsedRefRow row) {
    return new UsedRef(
        id(row.id()),
        row.fingerprint(),
        Period.parse(row.month()),
        position(row.position()),
        Optional.ofNullable(row.reverses()).map(StateRows::id),
        Optional.ofNullable(row.reversedBy()).map(StateRows::id));
  }

  static TransferRow row(TransferItem item) {
    return new TransferRow(
        item.id().bank().value(),
        item.id().ref(),
        item.type().name(),
        item.person().value(),
        item.counterpartyBank().value(),
        item.minutes().value(),
        item.occurredAt(),
        item.matchedWith().map(m -> m.bank().value()).orElse(null),
        item.matchedWith().map(RecordId::ref).orElse(null),
        item.reversed());
  }

  static TransferItem transfer(TransferRow row) {
    String matchedBank = row.matchedBank();
    String matchedRef = row.matchedRef();
    Optional<RecordId> matched =
        matchedBank == null || matchedRef == null
            ? Optional.empty()
            : Optional.of(RecordId.transaction(BankCode.of(matchedBank), matchedRef));
    return new TransferItem(
        RecordId.transaction(BankCode.of(row.bank()), row.txnRef()),
        TransactionType.valueOf(row.direction()),
        new PersonKey(row.personKey()),
        BankCode.of(row.counterpartyBank()),
        StandardMinutes.of(row.minutes()),
        row.occurredAt(),
        matched,
        row.reversed());
  }

  /** The engine's posting as the ledger takes it: same key, kind, source and lines. */
  static cn.timebank.ledger.entry.Posting ledger(Posting posting, Instant postedAt) {
    return new cn.timebank.ledger.entry.Posting(
        posting.bankCode().value(),
        posting.idempotencyKey(),
        EntryKind.valueOf(posting.kind().name()),
        posting.sourceRef(),
        posting.sourceId(),
        postedAt,
        posting.lines().stream()
            .map(line -> cn.timebank.ledger.entry.Line.of(account(line.account()), line.amount()))
            .toList());
  }

  static IndexedPosting indexed(Posting posting) {
    return new IndexedPosting(
        posting.idempotencyKey(),
        key(posting.source()),
        posting.sourceId(),
        posting.kind().name(),
        postingNo(posting.idempotencyKey()),
        position(posting.position()),
        java.util.List.of());
  }

  static Posting engine(IndexedPosting posting) {
    RecordId source = id(posting.source());
    return new Posting(
        source.bank(),
        posting.idempotencyKey(),
        PostingKind.valueOf(posting.postingKind()),
        source.kind(),
        source.ref(),
        posting.sourceId(),
        position(posting.position()),
        posting.lines().stream()
            .map(
                line ->
                    new Line(
                        account(line.accountKind().name(), line.participantRef()), line.amount()))
            .toList());
  }

  /** The {@code n} of an idempotency key {@code <bank>/<S|T>/<ref>/<n>}. */
  static int postingNo(String idempotencyKey) {
    return Integer.parseInt(idempotencyKey.substring(idempotencyKey.lastIndexOf('/') + 1));
  }
}
