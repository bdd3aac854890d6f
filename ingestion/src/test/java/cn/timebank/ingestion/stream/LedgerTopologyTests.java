package cn.timebank.ingestion.stream;

import static cn.timebank.ingestion.stream.Banks.A;
import static cn.timebank.ingestion.stream.Banks.B;
import static cn.timebank.ingestion.stream.Events.DAY;
import static cn.timebank.ingestion.stream.Events.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every rule path of an event through the topology, on a TopologyTestDriver. */
class LedgerTopologyTests {

  static final LocalDate ADULT = LocalDate.of(1990, 3, 7);
  static final LocalDate ELDER = LocalDate.of(1950, 5, 1);
  static final String ALICE = Events.residentId(ADULT, 123);
  static final String GRANDMA = Events.residentId(ELDER, 456);

  private final LedgerDriver driver = new LedgerDriver();

  LedgerTopologyTests() {
    driver
        .participant(Events.participant(A, "P1", ALICE, ADULT))
        .participant(Events.participant(A, "R1", GRANDMA, ELDER))
        .participant(Events.participant(B, "Q1", ALICE, ADULT))
        .participant(Events.participant(B, "RB", Events.residentId(ELDER, 789), ELDER));
  }

  @AfterEach
  void close() {
    driver.close();
  }

  static Map<String, Object> living(String ref, int hour, int minutes) {
    return Events.service(A, ref, "P1", "R1", "SHZL", DAY.atTime(hour, 0), minutes);
  }

  private RejectRecord rejectOf(Map<String, Object> event, EventTopicSender send) {
    send.send(event);
    return driver.onlyReject();
  }

  @FunctionalInterface
  interface EventTopicSender {
    void send(Map<String, Object> event);
  }

  private RejectRecord serviceReject(Map<String, Object> event) {
    return rejectOf(event, driver::service);
  }

  private RejectRecord transactionReject(Map<String, Object> event) {
    return rejectOf(event, driver::transaction);
  }

  private RejectRecord participantReject(Map<String, Object> event) {
    return rejectOf(event, driver::participant);
  }

  // ---- accepted ----

  @Test
  void postsAnAcceptedServiceAsOneLedgerRecordKeyedByBank() {
    driver.service(living("S1", 9, 100));

    assertThat(driver.ledgerRecords())
        .singleElement()
        .satisfies(
            record -> {
              assertThat(record.key()).isEqualTo("310109-001");
              LedgerEntry entry = record.value();
              assertThat(entry.idempotencyKey()).isEqualTo("310109-001/S/S1/1");
              assertThat(entry.kind()).isEqualTo("SERVICE");
              assertThat(entry.positionAt()).isEqualTo("2026-10-13T09:00");
              assertThat(entry.lines())
                  .containsExactlyInAnyOrder(
                      new LedgerEntry.LedgerLine("ISSUANCE", null, -90),
                      new LedgerEntry.LedgerLine("PARTICIPANT", "P1", 90));
            });
    assertThat(driver.rejects()).isEmpty();
    assertThat(driver.alerts()).isEmpty();
  }

  @Test
  void acceptsAnEventWhateverItsMonthBecauseR110DoesNotApplyToEvents() {
    driver.service(
        Events.service(A, "S1", "P1", "R1", "SHZL", LocalDateTime.of(2025, 3, 4, 9, 0), 60));

    assertThat(driver.ledger()).hasSize(1);
    assertThat(driver.rejects()).isEmpty();
  }

  @Test
  void givesTheDatabaseSinkOneRecordPerAppliedEventWithItsEffects() {
    Map<String, Object> event = living("S1", 9, 100);
    driver.service(event).service(with(event, "event_id", "again-1")).service(living("S2", 2, 0));

    List<AppliedRecord> applied = driver.applied();
    assertThat(applied).hasSize(6); // four participants, S1, the confirmation
    AppliedRecord accepted = applied.get(4);
    assertThat(accepted.eventId()).isEqualTo(event.get("event_id"));
    assertThat(accepted.confirmed()).isFalse();
    assertThat(accepted.record())
        .isInstanceOf(cn.timebank.ingestion.rules.TimedRecord.OfService.class);
    assertThat(accepted.effects().postings())
        .singleElement()
        .satisfies(p -> assertThat(p.idempotencyKey()).isEqualTo("310109-001/S/S1/1"));
    assertThat(accepted.effects().credited()).hasSize(1);
    assertThat(applied.get(5).confirmed()).isTrue();
    assertThat(applied.get(5).effects().postings()).isEmpty();
    assertThat(driver.rejects())
        .singleElement()
        .satisfies(r -> assertThat(r.ref()).isEqualTo("S2"));
  }

  // ---- re-sent event ids, confirmations, R118 ----

  @Test
  void ignoresAReSentEventId() {
    Map<String, Object> event = living("S1", 9, 60);
    driver.service(event).service(event);

    assertThat(driver.ledger()).hasSize(1);
    assertThat(driver.rejects()).isEmpty();
  }

  @Test
  void rejectsAnEventIdReusedForAnotherRecordWithR118() {
    Map<String, Object> first = living("S1", 9, 60);
    driver.service(first);
    RejectRecord reject =
        serviceReject(with(living("S2", 11, 60), "event_id", first.get("event_id")));

    assertThat(reject.code()).isEqualTo("R118");
    assertThat(reject.field()).isEqualTo("event_id");
    assertThat(driver.ledger()).hasSize(1);
  }

  @Test
  void confirmsTheSameRecordUnderANewEventIdWithoutEntries() {
    Map<String, Object> event = living("S1", 9, 60);
    driver
        .service(event)
        .service(with(event, "event_id", "resend-1", "sent_at", "2026-10-21T10:00:00+08:00"));

    assertThat(driver.ledger()).hasSize(1);
    assertThat(driver.rejects()).isEmpty();
  }

  @Test
  void rejectsTheSameRefWithOtherContentWithR118() {
    driver.service(living("S1", 9, 60));
    RejectRecord reject = serviceReject(living("S1", 9, 90));

    assertThat(reject.code()).isEqualTo("R118");
    assertThat(reject.ref()).isEqualTo("S1");
    assertThat(driver.ledger()).hasSize(1);
  }

  @Test
  void judgesARejectedEventAfreshWhenItIsSentAgain() {
    Map<String, Object> early = Events.service(A, "S1", "P9", "R1", "SHZL", DAY.atTime(9, 0), 60);
    assertThat(serviceReject(early).code()).isEqualTo("R106");

    driver.participant(Events.participant(A, "P9", Events.residentId(ADULT, 999), ADULT));
    driver.service(early);

    assertThat(driver.ledger()).hasSize(1);
  }

  // ---- R codes ----

  @Test
  void rejectsAMissingFieldWithR101() {
    RejectRecord reject = serviceReject(with(living("S1", 9, 60), "provider_ref", null));

    assertThat(reject.code()).isEqualTo("R101");
    assertThat(reject.field()).isEqualTo("provider_ref");
    assertThat(reject.eventId()).isNotNull();
    assertThat(reject.topic()).isEqualTo("tb.services.v1");
  }

  @Test
  void rejectsAMissingEventIdOrSentAtWithR101() {
    driver.service(with(living("S1", 9, 60), "event_id", null));
    driver.service(with(living("S2", 9, 60), "sent_at", null));

    assertThat(driver.rejects())
        .extracting(RejectRecord::code, RejectRecord::field)
        .containsExactly(tuple("R101", "event_id"), tuple("R101", "sent_at"));
  }

  @Test
  void rejectsAMalformedFieldWithR102() {
    RejectRecord reject = serviceReject(with(living("S1", 9, 60), "start", "yesterday"));

    assertThat(reject.code()).isEqualTo("R102");
    assertThat(reject.field()).isEqualTo("start");
    assertThat(reject.message()).startsWith("字段格式错误");
  }

  @Test
  void rejectsAWrongTypeWithR102OfThatField() {
    String json = Events.json(living("S1", 9, 60)).replace("\"rating\":5", "\"rating\":true");
    driver.send(EventTopic.SERVICES, "310109-001:S1", json);

    assertThat(driver.onlyReject().code()).isEqualTo("R102");
    assertThat(driver.onlyReject().field()).isEqualTo("rating");
  }

  @Test
  void rejectsAKeyThatIsNotBankCodeAndRefWithR102() {
    driver.send(EventTopic.SERVICES, "310109-001:OTHER", Events.json(living("S1", 9, 60)));

    assertThat(driver.onlyReject().code()).isEqualTo("R102");
    assertThat(driver.onlyReject().field()).isEqualTo("(key)");
  }

  @Test
  void rejectsEndBeforeStartWithR103() {
    Map<String, Object> event = with(living("S1", 9, 60), "end", DAY.atTime(8, 0).toString());
    assertThat(serviceReject(event).code()).isEqualTo("R103");
  }

  @Test
  void rejectsMoreThan480MinutesWithR104() {
    assertThat(serviceReject(living("S1", 8, 481)).code()).isEqualTo("R104");
  }

  @Test
  void rejectsAnUnmappedCategoryWithR105() {
    assertThat(serviceReject(with(living("S1", 9, 60), "local_category", "NOPE")).code())
        .isEqualTo("R105");
  }

  @Test
  void rejectsAnUnknownProviderWithR106() {
    assertThat(serviceReject(with(living("S1", 9, 60), "provider_ref", "PX")).code())
        .isEqualTo("R106");
  }

  @Test
  void rejectsTheSamePersonAsProviderAndRecipientWithR107() {
    driver.participant(Events.participant(A, "P1-AGAIN", ALICE, ADULT));
    assertThat(serviceReject(with(living("S1", 9, 60), "recipient_ref", "P1-AGAIN")).code())
        .isEqualTo("R107");
  }

  @Test
  void rejectsAResidentIdWithAWrongCheckCharacterWithR108() {
    String wrong = ALICE.substring(0, 17) + (ALICE.charAt(17) == '0' ? '1' : '0');
    RejectRecord reject = participantReject(Events.participant(A, "P2", wrong, ADULT));

    assertThat(reject.code()).isEqualTo("R108");
    assertThat(reject.event().get("id_number")).isEqualTo(Echo.REDACTED);
  }

  @Test
  void rejectsAResidentIdWhoseBirthDateDiffersWithR109() {
    RejectRecord reject =
        participantReject(Events.participant(A, "P2", ALICE, LocalDate.of(1990, 3, 8)));

    assertThat(reject.code()).isEqualTo("R109");
    assertThat(reject.event().get("id_number")).isEqualTo("110105********123" + ALICE.charAt(17));
  }

  @Test
  void rejectsAProviderUnder18WithR111() {
    LocalDate child = LocalDate.of(2012, 1, 1);
    driver.participant(Events.participant(A, "KID", Events.residentId(child, 1), child));
    assertThat(serviceReject(with(living("S1", 9, 60), "provider_ref", "KID")).code())
        .isEqualTo("R111");
  }

  @Test
  void rejectsAParticipantNotActiveWithR112() {
    driver.participant(
        with(
            Events.participant(A, "P1", ALICE, ADULT),
            "status",
            "LEFT",
            "status_date",
            "2026-10-01"));
    assertThat(serviceReject(living("S1", 9, 60)).code()).isEqualTo("R112");
  }

  @Test
  void rejectsAReversalOfNothingWithR114() {
    Map<String, Object> reversal =
        with(
            Events.transaction(A, "T1", "REVERSAL", "P1", 60, DAY.atTime(12, 0)),
            "reverses_ref",
            "S-NONE");
    assertThat(transactionReject(reversal).code()).isEqualTo("R114");
  }

  @Test
  void reversesAServiceNamedByAReversal() {
    driver.service(living("S1", 9, 60));
    driver.transaction(
        with(
            Events.transaction(A, "T1", "REVERSAL", "P1", 60, DAY.atTime(12, 0)),
            "reverses_ref",
            "S1"));

    assertThat(driver.ledger())
        .extracting(LedgerEntry::kind)
        .containsExactly("SERVICE", "REVERSAL");
    assertThat(driver.balance("310109-001", "PARTICIPANT", "P1")).isZero();
  }

  @Test
  void rejectsAGiftTheBalanceDoesNotCoverWithR115() {
    Map<String, Object> gift =
        with(
            Events.transaction(A, "T1", "GIFT", "P1", 60, DAY.atTime(12, 0)),
            "counterparty_ref",
            "R1");
    assertThat(transactionReject(gift).code()).isEqualTo("R115");
  }

  @Test
  void movesAGiftTheBalanceCovers() {
    driver.service(living("S1", 9, 120));
    driver.transaction(
        with(
            Events.transaction(A, "T1", "GIFT", "P1", 60, DAY.atTime(12, 0)),
            "counterparty_ref",
            "R1"));

    assertThat(driver.balance("310109-001", "PARTICIPANT", "P1")).isEqualTo(60);
    assertThat(driver.balance("310109-001", "PARTICIPANT", "R1")).isEqualTo(60);
  }

  @Test
  void rejectsAProviderWithoutTheCertificateWithR116() {
    driver.participant(with(Events.participant(A, "P1", ALICE, ADULT), "certificates", null));
    assertThat(serviceReject(with(living("S1", 9, 60), "local_category", "ZY")).code())
        .isEqualTo("R116");
  }

  @Test
  void rejectsARedemptionByARecipientUnder60WithR117() {
    driver.participant(Events.participant(A, "Y1", Events.residentId(ADULT, 321), ADULT));
    driver.service(with(living("S0", 8, 60), "provider_ref", "Y1"));
    Map<String, Object> redemption =
        with(living("S1", 9, 60), "recipient_ref", "Y1", "funding", "BALANCE");
    assertThat(serviceReject(redemption).code()).isEqualTo("R117");
  }

  @Test
  void takesOpeningBalanceEventsOfTheBanksFirstMonthAndRejectsLaterOnesWithR119() {
    driver.transaction(Events.transaction(A, "T1", "OPENING_BALANCE", "P1", 600, DAY.atTime(0, 0)));
    driver.transaction(
        Events.transaction(A, "T2", "OPENING_BALANCE", "R1", 60, DAY.plusDays(1).atTime(0, 0)));
    assertThat(driver.ledger()).hasSize(2);
    assertThat(driver.rejects()).isEmpty();

    RejectRecord reject =
        transactionReject(
            Events.transaction(
                A, "T3", "OPENING_BALANCE", "P1", 60, DAY.plusMonths(1).atTime(0, 0)));
    assertThat(reject.code()).isEqualTo("R119");
    assertThat(reject.message()).contains("2026-11").contains("(2026-10, fixed by ev-");
  }

  // ---- P003 ----

  @Test
  void rejectsAnEventOfAnUnknownBankWithP003() {
    RejectRecord reject =
        serviceReject(
            Events.service(Banks.UNKNOWN, "S1", "P1", "R1", "SHZL", DAY.atTime(9, 0), 60));
    assertThat(reject.code()).isEqualTo("P003");
    assertThat(reject.bankCode()).isEqualTo("440305-009");
  }

  @Test
  void rejectsAnEventOfASuspendedBankWithP003() {
    RejectRecord reject =
        participantReject(Events.participant(Banks.SUSPENDED, "P1", ALICE, ADULT));
    assertThat(reject.code()).isEqualTo("P003");
    assertThat(reject.message()).contains("SUSPENDED");
  }

  // ---- W codes ----

  @Test
  void capsAProviderDayAcrossBanksWithW201() {
    driver.service(living("S1", 8, 300));
    driver.service(Events.service(B, "S1", "Q1", "RB", "SHZL", DAY.atTime(14, 0), 300));

    assertThat(driver.alertCodes("S1")).containsExactly("W201");
    assertThat(driver.alerts().get(0).bankCode()).isEqualTo("430102-001");
    assertThat(driver.alerts().get(0).message())
        .as("what the regulator reads: how much of the service was credited")
        .endsWith(": credited 180 of 300 standard minutes on " + DAY);
    assertThat(
            driver.balance("310109-001", "PARTICIPANT", "P1")
                + driver.balance("430102-001", "PARTICIPANT", "Q1"))
        .isEqualTo(480);
  }

  @Test
  void creditsNothingBelowTheMinimumWithW202() {
    driver.service(Events.service(A, "S1", "P1", "R1", "AQ", DAY.atTime(8, 0), 25));

    assertThat(driver.alertCodes("S1")).containsExactly("W202");
    assertThat(driver.ledger()).isEmpty();
  }

  @Test
  void sendsCreditBeyondTheStorageCapToThePoolWithW203() {
    Map<String, Object> in =
        with(
            Events.transaction(A, "T1", "TRANSFER_IN", "P1", 90_060, DAY.atTime(12, 0)),
            "counterparty_bank",
            "430102-001");
    driver.transaction(in);

    assertThat(driver.alertCodes("T1")).containsExactly("W203", "W207");
    assertThat(driver.balance("310109-001", "PARTICIPANT", "P1")).isEqualTo(90_000);
    assertThat(driver.balance("310109-001", "POOL", null)).isEqualTo(60);
  }

  @Test
  void warnsOfOverlappingServicesAcrossBanksWithW204() {
    driver.service(living("S1", 9, 60));
    driver.service(Events.service(B, "S2", "Q1", "RB", "SHZL", DAY.atTime(9, 30), 60));

    assertThat(driver.alertCodes("S2")).containsExactly("W204");
    assertThat(driver.alertCodes("S1")).isEmpty();
    assertThat(driver.alerts().get(0).message())
        .as("what the regulator reads: the service it overlaps, in the other bank")
        .startsWith("服务提供者的服务时间重叠 / provider has overlapping services")
        .endsWith(": overlaps 310109-001 S1");
  }

  @Test
  void warnsOfLateRecordingWithW205() {
    driver.service(with(living("S1", 9, 60), "recorded_at", "2026-11-20T10:00:00"));
    assertThat(driver.alertCodes("S1")).containsExactly("W205");
  }

  @Test
  void warnsOfAnIssuedServiceToARecipientUnder60WithoutDisabilityWithW206() {
    driver.participant(Events.participant(A, "Y1", Events.residentId(ADULT, 321), ADULT));
    driver.service(with(living("S1", 9, 60), "recipient_ref", "Y1"));
    assertThat(driver.alertCodes("S1")).containsExactly("W206");
  }

  @Test
  void matchesATransferOutThenInWithoutW207() {
    driver.service(living("S1", 9, 120));
    driver.transaction(transfer(A, "T1", "TRANSFER_OUT", "P1", B, 11));
    driver.transaction(transfer(B, "T2", "TRANSFER_IN", "Q1", A, 12));

    assertThat(driver.alerts()).isEmpty();
    assertThat(
            driver.balance("310109-001", "CLEARING", null)
                + driver.balance("430102-001", "CLEARING", null))
        .isZero();
  }

  @Test
  void warnsOfATransferInBeforeItsOutWithW207AndMatchesItWhenTheOutArrives() {
    driver.transaction(transfer(B, "T2", "TRANSFER_IN", "Q1", A, 12));
    assertThat(driver.alertCodes("T2")).containsExactly("W207");

    driver.service(living("S1", 9, 120));
    driver.transaction(transfer(A, "T1", "TRANSFER_OUT", "P1", B, 11));

    assertThat(driver.alertCodes("T1")).isEmpty();
    org.apache.kafka.streams.state.KeyValueStore<String, RecordEntry> records =
        driver.store(LedgerStores.RECORDS);
    assertThat(records.get(StoreKeys.join("430102-001", "T", "T2")).transfer().matchedWith())
        .isPresent();
  }

  @Test
  void keepsWhatBelongsToOneRecordInOneEntryThatReadsBackEqualThroughItsSerde() {
    driver.service(living("S1", 9, 120));
    driver.transaction(transfer(A, "T1", "TRANSFER_OUT", "P1", B, 11));

    org.apache.kafka.streams.state.KeyValueStore<String, RecordEntry> records =
        driver.store(LedgerStores.RECORDS);
    RecordEntry service = records.get(StoreKeys.join("310109-001", "S", "S1"));
    assertThat(service.postings())
        .extracting(p -> p.idempotencyKey())
        .containsExactly("310109-001/S/S1/1");
    assertThat(service.credited()).isNotNull();
    assertThat(service.used()).isNotNull();
    assertThat(service.transfer()).isNull();
    assertThat(records.get(StoreKeys.join("310109-001", "T", "T1")).transfer()).isNotNull();
    try (org.apache.kafka.streams.state.KeyValueIterator<String, RecordEntry> all = records.all()) {
      all.forEachRemaining(
          entry -> {
            byte[] bytes = LedgerStores.RECORD_ENTRY.serializer().serialize("t", entry.value);
            assertThat(LedgerStores.RECORD_ENTRY.deserializer().deserialize("t", bytes))
                .isEqualTo(entry.value);
          });
    }
    RecordEntry empty =
        LedgerStores.RECORD_ENTRY
            .deserializer()
            .deserialize(
                "t", LedgerStores.RECORD_ENTRY.serializer().serialize("t", RecordEntry.EMPTY));
    assertThat(empty).isEqualTo(RecordEntry.EMPTY);
    assertThat(empty.isEmpty()).isTrue();
  }

  private static Map<String, Object> transfer(
      cn.timebank.standards.model.BankCode bank,
      String ref,
      String type,
      String participant,
      cn.timebank.standards.model.BankCode other,
      int hour) {
    return with(
        Events.transaction(bank, ref, type, participant, 60, DAY.atTime(hour, 0)),
        "counterparty_bank",
        other.value());
  }
}
