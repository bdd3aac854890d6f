package cn.timebank.ingestion.stream;

import static cn.timebank.ingestion.stream.Banks.A;
import static cn.timebank.ingestion.stream.Events.DAY;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;

/**
 * Resident ID numbers travel only on {@code tb.participants.v1}: no output record, no store key or
 * value holds one, whatever happened to the event (accepted, confirmed, rejected for any reason).
 */
class IdentityPrivacyTests {

  private static final LocalDate ADULT = LocalDate.of(1990, 3, 7);
  private static final LocalDate ELDER = LocalDate.of(1950, 5, 1);

  @Test
  void noOutputRecordAndNoStoreHoldsARawIdNumber() {
    String alice = Events.residentId(ADULT, 123);
    String grandma = Events.residentId(ELDER, 456);
    String badCheck = alice.substring(0, 17) + (alice.charAt(17) == '0' ? '1' : '0');
    String passport = "E12345678";
    List<String> raw = List.of(alice, grandma, badCheck, passport, digitsOf(alice));
    try (LedgerDriver driver = new LedgerDriver()) {
      Map<String, Object> p1 = Events.participant(A, "P1", alice, ADULT);
      driver
          .participant(p1)
          .participant(Events.with(p1, "event_id", "again"))
          .participant(Events.participant(A, "R1", grandma, ELDER))
          .participant(Events.participant(A, "P2", badCheck, ADULT))
          .participant(Events.participant(A, "P3", alice, LocalDate.of(1991, 1, 1)))
          .participant(Events.participant(Banks.UNKNOWN, "P4", alice, ADULT))
          .participant(
              Events.with(Events.participant(A, "P5", passport, ADULT), "id_type", "PASSPORT"))
          .participant(Events.with(Events.participant(A, "P6", alice, ADULT), "gender", "X"))
          .service(Events.service(A, "S1", "P1", "R1", "SHZL", DAY.atTime(9, 0), 60));
      driver.send(
          EventTopic.PARTICIPANTS, "310109-001:P7", "{\"id_number\": \"" + alice + "\", oops");

      List<String> texts = new ArrayList<>();
      driver
          .ledger()
          .forEach(e -> texts.add(new String(OutputSerdes.LEDGER.serializer().serialize("t", e))));
      driver
          .rejects()
          .forEach(r -> texts.add(new String(OutputSerdes.REJECT.serializer().serialize("t", r))));
      driver
          .alerts()
          .forEach(a -> texts.add(new String(OutputSerdes.ALERT.serializer().serialize("t", a))));
      driver
          .applied()
          .forEach(a -> texts.add(new String(OutputSerdes.RECORD.serializer().serialize("t", a))));
      for (String name : LedgerStores.NAMES) {
        KeyValueStore<String, Object> store = driver.store(name);
        try (KeyValueIterator<String, Object> it = store.all()) {
          while (it.hasNext()) {
            KeyValue<String, Object> entry = it.next();
            texts.add(entry.key + "=" + StreamJson.STORE.writeValueAsString(entry.value));
          }
        }
      }

      assertThat(driver.rejects()).hasSize(5);
      assertThat(driver.applied()).as("the sink's records are checked too").isNotEmpty();
      assertThat(texts).isNotEmpty().allSatisfy(text -> assertThat(text).doesNotContain(raw));
      assertThat(String.join("\n", texts)).contains("110105********123", "E1*****78");
    }
  }

  private static String digitsOf(String id) {
    return id.substring(0, 17);
  }
}
