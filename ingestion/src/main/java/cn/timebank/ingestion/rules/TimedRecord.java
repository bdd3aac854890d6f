package cn.timebank.ingestion.rules;

import cn.timebank.standards.model.Participant;
import cn.timebank.standards.model.Service;
import cn.timebank.standards.model.Transaction;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * A record of a package in the order the engine must see it: participants first (in file order),
 * then services and transactions in the time order of spec §3.8 ({@link RecordPosition}).
 */
public sealed interface TimedRecord
    permits TimedRecord.OfParticipant, TimedRecord.OfService, TimedRecord.OfTransaction {

  /** Participants first (keeping their order: the sort is stable), then §3.8. */
  Comparator<TimedRecord> APPLICATION_ORDER =
      (a, b) -> {
        if (a instanceof OfParticipant || b instanceof OfParticipant) {
          return Boolean.compare(!(a instanceof OfParticipant), !(b instanceof OfParticipant));
        }
        return a.position().compareTo(b.position());
      };

  /** Where the record stands in time order; participants have none. */
  RecordPosition position();

  record OfParticipant(Participant participant) implements TimedRecord {
    @Override
    public RecordPosition position() {
      throw new UnsupportedOperationException("a participant has no time-order position");
    }
  }

  record OfService(Service service) implements TimedRecord {
    @Override
    public RecordPosition position() {
      return positionOf(service);
    }
  }

  record OfTransaction(Transaction transaction) implements TimedRecord {
    @Override
    public RecordPosition position() {
      return positionOf(transaction);
    }
  }

  static RecordPosition positionOf(Service service) {
    return new RecordPosition(service.start(), RecordKind.SERVICE, service.serviceRef());
  }

  static RecordPosition positionOf(Transaction transaction) {
    return new RecordPosition(
        transaction.occurredAt(), RecordKind.TRANSACTION, transaction.txnRef());
  }

  /** The records of a package in application order. */
  static List<TimedRecord> inApplicationOrder(
      Collection<Participant> participants,
      Collection<Service> services,
      Collection<Transaction> transactions) {
    List<TimedRecord> records = new ArrayList<>();
    participants.forEach(p -> records.add(new OfParticipant(p)));
    services.forEach(s -> records.add(new OfService(s)));
    transactions.forEach(t -> records.add(new OfTransaction(t)));
    records.sort(APPLICATION_ORDER);
    return records;
  }
}
