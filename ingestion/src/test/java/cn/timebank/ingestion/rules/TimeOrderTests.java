package cn.timebank.ingestion.rules;

import static cn.timebank.ingestion.rules.World.A;
import static cn.timebank.ingestion.rules.World.DAY;
import static org.assertj.core.api.Assertions.assertThat;

import cn.timebank.standards.model.Participant;
import cn.timebank.standards.model.Service;
import cn.timebank.standards.model.Transaction;
import cn.timebank.standards.model.TransactionType;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimeOrderTests {

  @Test
  void putsParticipantsFirstThenServicesByStartBeforeTransactionsAtEqualTimesThenRefs() {
    Participant p1 = World.participant(A, "P9", "alice");
    Participant p2 = World.participant(A, "P1", "bob");
    Service nine = World.living(A, "S2", "P1", 9, 60);
    Service nineToo = World.living(A, "S10", "P1", 9, 30);
    Service eight = World.living(A, "S9", "P1", 8, 60);
    Transaction atNine = World.txn(A, "A1", TransactionType.DONATION, "P1", 10, DAY.atTime(9, 0));
    Transaction atSeven = World.txn(A, "Z1", TransactionType.DONATION, "P1", 10, DAY.atTime(7, 0));

    List<TimedRecord> ordered =
        TimedRecord.inApplicationOrder(
            List.of(p1, p2), List.of(nine, nineToo, eight), List.of(atNine, atSeven));

    assertThat(ordered)
        .containsExactly(
            new TimedRecord.OfParticipant(p1),
            new TimedRecord.OfParticipant(p2),
            new TimedRecord.OfTransaction(atSeven),
            new TimedRecord.OfService(eight),
            new TimedRecord.OfService(nineToo),
            new TimedRecord.OfService(nine),
            new TimedRecord.OfTransaction(atNine));
  }

  @Test
  void comparesRefsByCodePointNotByUtf16Unit() {
    RecordPosition bmp = new RecordPosition(DAY.atTime(9, 0), RecordKind.SERVICE, "\uFF21");
    RecordPosition supplementary =
        new RecordPosition(DAY.atTime(9, 0), RecordKind.SERVICE, "\uD83D\uDE00");

    assertThat(bmp).isLessThan(supplementary);
  }
}
