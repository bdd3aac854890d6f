package cn.timebank.reporting.policy;

import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the policy report shows of a region over a range of periods, every figure an aggregate the
 * database computed: counts and sums only, never a person.
 *
 * @param region the region-code prefix (banks whose region code starts with it)
 * @param from the first period of the range
 * @param to the last period of the range
 * @param participants registrations by role, age band (at the end of the range) and gender, with
 *     how many of them took part in a completed service in the range
 * @param categories completed services and credited minutes per unified category in the range
 * @param flows per period: minutes issued, redeemed, paid from the pool, donated to the pool, and
 *     the hour liability at the period's end
 * @param liabilityBefore the hour liability at the end of the period before {@code from}
 * @param transfers cross-bank transfer items of the range per direction, matched and open
 * @param stars volunteers (providers) per star level by their credited hours up to the range's end
 * @param grades scores of the last period per subject and grade
 * @param psi population stability of the last period per bank and scorecard
 * @param trend per period: distinct active participants and credited minutes
 * @param population60 the configured population aged 60 and over of the region; null when none
 */
public record Policy(
    String region,
    String from,
    String to,
    List<ParticipantCount> participants,
    List<CategoryHours> categories,
    List<Flow> flows,
    long liabilityBefore,
    List<TransferCount> transfers,
    List<StarCount> stars,
    List<GradeCount> grades,
    List<PsiLine> psi,
    List<TrendPoint> trend,
    @Nullable Long population60) {

  public Policy {
    participants = List.copyOf(participants);
    categories = List.copyOf(categories);
    flows = List.copyOf(flows);
    transfers = List.copyOf(transfers);
    stars = List.copyOf(stars);
    grades = List.copyOf(grades);
    psi = List.copyOf(psi);
    trend = List.copyOf(trend);
  }

  /**
   * @param role PROVIDER, RECIPIENT, BOTH or UNKNOWN
   * @param band U30, A30 (30–44), A45 (45–59), A60 (60–69), A70 (70–79), A80 (80+), UNKNOWN
   * @param gender M, F or U (not given)
   */
  public record ParticipantCount(
      String role, String band, String gender, long registered, long active) {}

  public record CategoryHours(String category, long services, long minutes) {}

  public record Flow(
      String period, long issued, long redeemed, long fromPool, long donated, long liabilityEnd) {}

  public record TransferCount(
      String direction, long matched, long matchedMinutes, long open, long openMinutes) {}

  /** Star level 0 (under 100 hours) to 5 (1,500 hours or more). */
  public record StarCount(int level, long volunteers) {}

  public record GradeCount(String subject, String grade, long count) {}

  public record PsiLine(
      String bankCode,
      String cardVersion,
      String basePeriod,
      long baseCount,
      long actualCount,
      BigDecimal psi,
      String band) {}

  public record TrendPoint(String period, long active, long minutes) {}
}
