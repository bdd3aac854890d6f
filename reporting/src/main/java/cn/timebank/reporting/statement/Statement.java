package cn.timebank.reporting.statement;

import cn.timebank.scoring.store.StoredScore;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One participant's passbook: who (bank and ref, the masked identity number — never the number),
 * every ledger entry of their account with the balance after it, the totals, and the scores of one
 * period with their reasons.
 *
 * @param scorePeriod the period whose scores are shown; null when the participant was never scored
 */
public record Statement(
    String bankCode,
    String bankName,
    String participantRef,
    @Nullable String maskedId,
    @Nullable String roles,
    @Nullable LocalDate registeredOn,
    String status,
    List<Entry> entries,
    long creditedMinutes,
    long debitedMinutes,
    long balanceMinutes,
    @Nullable String scorePeriod,
    List<StoredScore> scores) {

  public Statement {
    entries = List.copyOf(entries);
    scores = List.copyOf(scores);
  }

  /**
   * One line of the account: when it was posted (Beijing time), its kind and source record, the
   * service's date and unified category when the source is a service, its amount and the balance
   * after it.
   */
  public record Entry(
      long chainSeq,
      LocalDateTime postedAt,
      String kind,
      String sourceRef,
      @Nullable LocalDate serviceDate,
      @Nullable String category,
      long minutes,
      long balanceMinutes) {}
}
