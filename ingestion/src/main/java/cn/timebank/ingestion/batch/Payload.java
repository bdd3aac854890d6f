package cn.timebank.ingestion.batch;

import cn.timebank.standards.model.FieldProblem;
import cn.timebank.standards.model.Participant;
import cn.timebank.standards.model.Service;
import cn.timebank.standards.model.Transaction;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a staged row holds: one canonical record as the standards reader made it (never a raw
 * identity number: a participant carries its person key and masked id only), or the reader's
 * problems.
 */
record Payload(
    @Nullable Participant participant,
    @Nullable Service service,
    @Nullable Transaction transaction,
    List<FieldProblem> problems) {

  Payload {
    problems = List.copyOf(problems);
    int records =
        (participant == null ? 0 : 1) + (service == null ? 0 : 1) + (transaction == null ? 0 : 1);
    if (records + (problems.isEmpty() ? 0 : 1) != 1) {
      throw new IllegalArgumentException("a payload holds one record or its problems");
    }
  }

  static Payload of(Participant participant) {
    return new Payload(participant, null, null, List.of());
  }

  static Payload of(Service service) {
    return new Payload(null, service, null, List.of());
  }

  static Payload of(Transaction transaction) {
    return new Payload(null, null, transaction, List.of());
  }

  static Payload problems(List<FieldProblem> problems) {
    return new Payload(null, null, null, problems);
  }
}
