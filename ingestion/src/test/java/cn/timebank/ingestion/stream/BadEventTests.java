package cn.timebank.ingestion.stream;

import static cn.timebank.ingestion.stream.Banks.A;
import static cn.timebank.ingestion.stream.Events.DAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Events that cannot be read become rejects with their code; the topology goes on. */
class BadEventTests {

  private static final LocalDate ADULT = LocalDate.of(1990, 3, 7);
  private static final LocalDate ELDER = LocalDate.of(1950, 5, 1);

  private final LedgerDriver driver = new LedgerDriver();

  @AfterEach
  void close() {
    driver.close();
  }

  private void sendAGoodServiceAfterwards() {
    driver
        .participant(Events.participant(A, "P1", Events.residentId(ADULT, 1), ADULT))
        .participant(Events.participant(A, "R1", Events.residentId(ELDER, 2), ELDER))
        .service(Events.service(A, "S1", "P1", "R1", "SHZL", DAY.atTime(9, 0), 60));
  }

  @Test
  void rejectsValuesTheLedgerCannotHoldWithR102AsTheBatchDoes() {
    var longName = Events.participant(A, "P9", Events.residentId(ADULT, 9), ADULT);
    longName.put("name", "长".repeat(150));
    var precise = Events.service(A, "S9", "P1", "R1", "SHZL", DAY.atTime(14, 0), 60);
    precise.put("local_amount", "9.125");
    driver.participant(longName);
    sendAGoodServiceAfterwards();
    driver.service(precise);

    assertThat(driver.rejects())
        .extracting(r -> r.ref(), r -> r.code(), r -> r.field())
        .containsExactly(tuple("P9", "R102", "name"), tuple("S9", "R102", "local_amount"));
    assertThat(driver.rejects().get(0).message())
        .endsWith("name must have at most 100 characters (has 150)");
    assertThat(driver.rejects().get(1).message())
        .endsWith(
            "local_amount must have at most 10 digits before and 2 after the point (was 9.125)");
    assertThat(driver.ledger()).hasSize(1);
  }

  @Test
  void neverEchoesAKeyThatIsNoColumnName() {
    var event = Events.service(A, "S9", "P1", "R1", "SHZL", DAY.atTime(14, 0), 60);
    String json = Events.json(event).replaceFirst("\\{", "{\"110101199003071234\": true, ");
    driver.send(EventTopic.SERVICES, "310109-001:S9", json);

    RejectRecord reject = driver.onlyReject();
    assertThat(reject.code()).isEqualTo("R102");
    assertThat(reject.field()).isEqualTo("(event)");
    assertThat(reject.ref()).isEqualTo("S9");
    assertThat(reject.message()).doesNotContain("110101199003071234");
    assertThat(reject.event()).doesNotContainKey("110101199003071234");
  }

  @Test
  void rejectsMalformedJsonWithR102AndKeepsGoing() {
    driver.send(EventTopic.SERVICES, "310109-001:S0", "{\"service_ref\": \"S0\", oops");
    sendAGoodServiceAfterwards();

    assertThat(driver.onlyReject())
        .satisfies(
            reject -> {
              assertThat(reject.code()).isEqualTo("R102");
              assertThat(reject.field()).isEqualTo("(event)");
              assertThat(reject.topic()).isEqualTo("tb.services.v1");
              assertThat(reject.eventId()).isNull();
              assertThat(reject.event()).isEmpty();
            });
    assertThat(driver.driver().producedTopicNames()).contains(Topics.REJECTS, Topics.LEDGER);
    assertThat(driver.ledger()).hasSize(1);
  }

  @Test
  void rejectsJsonThatIsNotAnObjectBytesThatAreNotUtf8AndATombstone() {
    driver.send(EventTopic.SERVICES, "k1", "[1, 2]");
    driver.sendBytes(EventTopic.SERVICES, "k2", new byte[] {'{', (byte) 0xC3, (byte) 0x28, '}'});
    driver.send(EventTopic.SERVICES, "k3", null);
    driver.send(EventTopic.SERVICES, "k4", "{\"a\": 1} {\"b\": 2}");
    driver.send(EventTopic.SERVICES, "k5", "{\"a\": \"1\", \"a\": \"2\"}");
    sendAGoodServiceAfterwards();

    assertThat(driver.rejectRecords())
        .extracting(r -> r.key(), r -> r.value().code(), r -> r.value().field())
        .containsExactly(
            tuple("k1", "R102", "(event)"),
            tuple("k2", "R102", "(event)"),
            tuple("k3", "R101", "(event)"),
            tuple("k4", "R102", "(event)"),
            tuple("k5", "R101", "event_id")); // a repeated key, and no event_id: the lowest code
    assertThat(driver.ledger()).hasSize(1);
  }

  @Test
  void aValueOfAWrongTypeStillNamesTheEventItsBankAndRef() {
    driver.service(
        Events.with(
            Events.service(A, "S1", "P1", "R1", "SHZL", DAY.atTime(9, 0), 60), "rating", true));
    String id = Events.residentId(ADULT, 7);
    driver.participant(
        Events.with(Events.participant(A, "P7", id, ADULT), "lives_alone", java.util.List.of()));

    assertThat(driver.rejectRecords())
        .extracting(
            r -> r.key(),
            r -> r.value().code(),
            r -> r.value().field(),
            r -> r.value().bankCode(),
            r -> r.value().ref())
        .containsExactly(
            tuple("310109-001", "R102", "rating", "310109-001", "S1"),
            tuple("310109-001", "R102", "lives_alone", "310109-001", "P7"));
    RejectRecord service = driver.rejectRecords().get(0).value();
    assertThat(service.eventId()).isNotBlank();
    assertThat(service.event())
        .doesNotContainKey("rating")
        .containsEntry("service_ref", "S1")
        .containsEntry("provider_ref", "P1");
    RejectRecord participant = driver.rejectRecords().get(1).value();
    assertThat(participant.event())
        .as("the identity number masked, the unreadable value left out")
        .doesNotContainKey("lives_alone")
        .containsEntry("id_number", "110105********007" + id.charAt(17));
    assertThat(participant.event().values()).noneMatch(v -> v.contains(id));
  }

  @Test
  void takesAnEventIdAsLongAsALedgerSourceIdAndNoLonger() {
    sendAGoodServiceAfterwards();
    driver.service(
        Events.with(
            Events.service(A, "S2", "P1", "R1", "SHZL", DAY.atTime(11, 0), 60),
            "event_id",
            "e".repeat(EventReader.MAX_EVENT_ID)));
    driver.service(
        Events.with(
            Events.service(A, "S3", "P1", "R1", "SHZL", DAY.atTime(13, 0), 60),
            "event_id",
            "e".repeat(EventReader.MAX_EVENT_ID + 1)));

    assertThat(driver.ledger()).hasSize(2); // S1 and S2
    assertThat(driver.onlyReject().ref()).isEqualTo("S3");
    assertThat(driver.onlyReject().field()).isEqualTo("event_id");
    assertThat(driver.onlyReject().code()).isEqualTo("R102");
  }

  @Test
  void rejectsAMissingOrMalformedBankCodeWithR101OrR102() {
    driver.send(
        EventTopic.SERVICES,
        "x:S1",
        Events.json(
            Events.with(
                Events.service(A, "S1", "P1", "R1", "SHZL", DAY.atTime(9, 0), 60),
                "bank_code",
                null)));
    driver.send(
        EventTopic.SERVICES,
        "31-1:S2",
        Events.json(
            Events.with(
                Events.service(A, "S2", "P1", "R1", "SHZL", DAY.atTime(9, 0), 60),
                "bank_code",
                "31-1")));

    assertThat(driver.rejectRecords())
        .extracting(r -> r.key(), r -> r.value().code(), r -> r.value().field())
        .containsExactly(tuple("x:S1", "R101", "bank_code"), tuple("31-1:S2", "R102", "bank_code"));
  }

  @Test
  void rejectsAMalformedSentAtWithR102() {
    driver.service(
        Events.with(
            Events.service(A, "S1", "P1", "R1", "SHZL", DAY.atTime(9, 0), 60),
            "sent_at",
            "last tuesday"));

    assertThat(driver.onlyReject().code()).isEqualTo("R102");
    assertThat(driver.onlyReject().field()).isEqualTo("sent_at");
  }

  @Test
  void givesTheLowestCodeOfTheEnvelopeAndTheRecordTogether() {
    driver.service(
        Events.with(
            Events.service(A, "S1", "P1", "R1", "SHZL", DAY.atTime(9, 0), 60),
            "sent_at",
            "never",
            "funding",
            null));

    assertThat(driver.onlyReject().code()).isEqualTo("R101");
    assertThat(driver.onlyReject().field()).isEqualTo("funding");
  }
}
