package cn.timebank.simulator;

import java.time.LocalDateTime;

/** One transaction record on its way to the file. */
final class TxnRow {
  LocalDateTime at;
  String type;
  String participantRef;
  String counterpartyRef = "";
  String counterpartyBank = "";
  int minutes;
  TxnRow reverses;
  String reversesRef = "";
  String note = "";
  String ref;
  Fault fault;

  TxnRow(LocalDateTime at, String type, String participantRef, int minutes) {
    this.at = at;
    this.type = type;
    this.participantRef = participantRef;
    this.minutes = minutes;
  }

  String[] values(boolean offsets) {
    return new String[] {
      ref,
      type,
      participantRef,
      counterpartyRef,
      counterpartyBank,
      Integer.toString(minutes),
      TimestampText.format(at, offsets),
      reverses != null ? reverses.ref : reversesRef,
      note
    };
  }
}
