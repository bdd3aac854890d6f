package cn.timebank.reporting.policy;

import cn.timebank.reporting.ReportData;
import cn.timebank.reporting.ReportDefinition;
import cn.timebank.reporting.SmallCells;
import cn.timebank.reporting.TextBars;
import cn.timebank.standards.hours.Category;
import cn.timebank.standards.hours.StandardVersions;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The policy report (政策分析报告) for policymakers: participants by role, age band and gender;
 * participation per 1,000 residents aged 60+; hours by category; hours issued, redeemed and pooled
 * with the liability's growth; activity trend as a bar chart; cross-bank transfers; volunteer star
 * levels; grade distribution; PSI. No person appears: every figure is a count or a sum.
 *
 * <p>The small-cell rule ({@link SmallCells}) holds in every format: a count of 1–4 is printed
 * {@code <5}, and the hours of a hidden count are hidden too ({@code —}). Against differencing,
 * every printed total is the total of one group whose parts get {@link SmallCells#protect}: a
 * participants row (men, women, not given → the row's total), the bands of a role (→ the role's
 * total; a hidden row total hides its whole row), the roles (→ the grand total), the categories,
 * the two sides of a transfer direction, the star levels, the grades of a subject. Rates and
 * percentages are not printed for a hidden count.
 */
public final class PolicyReport implements ReportDefinition<Policy> {

  /** Characters of the longest bar of a chart. */
  static final int BAR_WIDTH = 40;

  static final List<String> ROLES = List.of("PROVIDER", "RECIPIENT", "BOTH", "UNKNOWN");
  static final List<String> BANDS = List.of("U30", "A30", "A45", "A60", "A70", "A80", "UNKNOWN");
  static final List<String> OLDER = List.of("A60", "A70", "A80");
  static final List<String> GENDERS = List.of("M", "F", "U");

  /** What a hidden figure other than a count prints. */
  static final String HIDDEN = SmallCells.SECONDARY;

  enum Section {
    PARTICIPANTS,
    RATE,
    CATEGORIES,
    FLOWS,
    TREND,
    TRANSFERS,
    STARS,
    GRADES,
    PSI
  }

  private static final BigDecimal SIXTY = BigDecimal.valueOf(60);

  private final SmallCells cells;
  private final StandardVersions standards;

  /**
   * @param standards names the categories: the standard in force at the end of the report's last
   *     period
   */
  public PolicyReport(SmallCells cells, StandardVersions standards) {
    this.cells = cells;
    this.standards = standards;
  }

  /** With the default threshold, 5, and the built-in standard. */
  public PolicyReport() {
    this(new SmallCells(SmallCells.DEFAULT_THRESHOLD), StandardVersions.builtIn());
  }

  @Override
  public String name() {
    return "policy";
  }

  @Override
  public ReportData data(Policy p, Locale locale) {
    Map<String, @Nullable Object> parameters = new HashMap<>();
    parameters.put("REGION", p.region());
    parameters.put("FROM", p.from());
    parameters.put("TO", p.to());
    parameters.put("HIDDEN", cells.hiddenText());
    List<Map<String, @Nullable Object>> rows = new ArrayList<>();
    participants(p, rows);
    rate(p, rows);
    categories(p, locale, rows);
    flows(p, rows);
    trend(p, rows);
    transfers(p, rows);
    stars(p, rows);
    grades(p, rows);
    psi(p, rows);
    return new ReportData(rows, parameters);
  }

  private void participants(Policy p, List<Map<String, @Nullable Object>> rows) {
    Map<String, long[]> counts = new HashMap<>(); // role|band → reg M,F,U, act M,F,U
    for (Policy.ParticipantCount c : p.participants()) {
      long[] row = counts.computeIfAbsent(c.role() + "|" + c.band(), k -> new long[6]);
      int g = GENDERS.indexOf(c.gender());
      row[g] += c.registered();
      row[3 + g] += c.active();
    }
    List<String> roles = ROLES.stream().filter(r -> hasRole(counts, r)).toList();
    List<Long> roleRegistered = new ArrayList<>();
    List<Long> roleActive = new ArrayList<>();
    for (String role : roles) {
      long[] total = roleTotal(counts, role);
      roleRegistered.add(total[0] + total[1] + total[2]);
      roleActive.add(total[3] + total[4] + total[5]);
    }
    List<Boolean> roleRegHidden = cells.protect(roleRegistered);
    List<Boolean> roleActHidden = cells.protect(roleActive);
    for (int r = 0; r < roles.size(); r++) {
      String role = roles.get(r);
      List<String> bands =
          BANDS.stream()
              .filter(b -> !"UNKNOWN".equals(b) || counts.containsKey(role + "|" + b))
              .toList();
      List<Long> bandRegistered = new ArrayList<>();
      List<Long> bandActive = new ArrayList<>();
      for (String band : bands) {
        long[] c = counts.getOrDefault(role + "|" + band, new long[6]);
        bandRegistered.add(c[0] + c[1] + c[2]);
        bandActive.add(c[3] + c[4] + c[5]);
      }
      List<Boolean> bandRegHidden = hideAllIf(cells.protect(bandRegistered), roleRegHidden.get(r));
      List<Boolean> bandActHidden = hideAllIf(cells.protect(bandActive), roleActHidden.get(r));
      for (int b = 0; b < bands.size(); b++) {
        long[] c = counts.getOrDefault(role + "|" + bands.get(b), new long[6]);
        Map<String, @Nullable Object> row = row(Section.PARTICIPANTS);
        row.put("text1", role);
        row.put("text2", bands.get(b));
        group(row, 1, c[0], c[1], c[2], bandRegHidden.get(b));
        group(row, 5, c[3], c[4], c[5], bandActHidden.get(b));
        rows.add(row);
      }
      Map<String, @Nullable Object> total = row(Section.PARTICIPANTS);
      total.put("text1", role);
      total.put("text2", "TOTAL");
      total.put("c4", cells.cell(roleRegistered.get(r), roleRegHidden.get(r)));
      total.put("c8", cells.cell(roleActive.get(r), roleActHidden.get(r)));
      total.put("bold", true);
      rows.add(total);
    }
    Map<String, @Nullable Object> all = row(Section.PARTICIPANTS);
    all.put("text1", "ALL");
    all.put("text2", "TOTAL");
    long registered = roleRegistered.stream().mapToLong(Long::longValue).sum();
    long active = roleActive.stream().mapToLong(Long::longValue).sum();
    all.put("c4", cells.cell(registered));
    all.put("c8", cells.cell(active));
    all.put("bold", true);
    rows.add(all);
  }

  /** Men, women, not given and their total from column {@code first}; protected as a group. */
  private void group(
      Map<String, @Nullable Object> row, int first, long m, long f, long u, boolean totalHidden) {
    List<Boolean> hidden = hideAllIf(cells.protect(List.of(m, f, u)), totalHidden);
    row.put("c" + first, cells.cell(m, hidden.get(0)));
    row.put("c" + (first + 1), cells.cell(f, hidden.get(1)));
    row.put("c" + (first + 2), cells.cell(u, hidden.get(2)));
    row.put("c" + (first + 3), cells.cell(m + f + u, totalHidden));
  }

  private void rate(Policy p, List<Map<String, @Nullable Object>> rows) {
    long registered = 0;
    long active = 0;
    for (Policy.ParticipantCount c : p.participants()) {
      if (OLDER.contains(c.band())) {
        registered += c.registered();
        active += c.active();
      }
    }
    Map<String, @Nullable Object> row = row(Section.RATE);
    row.put("c1", p.population60());
    row.put("c2", cells.cell(registered));
    row.put("c3", cells.cell(active));
    row.put("h1", perThousand(registered, p.population60()));
    row.put("h2", perThousand(active, p.population60()));
    row.put("text1", p.population60() == null ? "NO_POPULATION" : null);
    rows.add(row);
  }

  private @Nullable Object perThousand(long count, @Nullable Long population) {
    if (population == null || population == 0) {
      return null;
    }
    if (cells.small(count)) {
      return HIDDEN;
    }
    return BigDecimal.valueOf(count * 1000)
        .divide(BigDecimal.valueOf(population), 2, RoundingMode.HALF_UP);
  }

  private void categories(Policy p, Locale locale, List<Map<String, @Nullable Object>> rows) {
    List<Boolean> hidden =
        cells.protect(p.categories().stream().map(Policy.CategoryHours::services).toList());
    long services = 0;
    long minutes = 0;
    for (int i = 0; i < p.categories().size(); i++) {
      Policy.CategoryHours c = p.categories().get(i);
      Map<String, @Nullable Object> row = row(Section.CATEGORIES);
      row.put("text1", categoryName(c.category(), p.to(), locale));
      row.put("c1", cells.cell(c.services(), hidden.get(i)));
      row.put("h1", hidden.get(i) ? HIDDEN : hours(c.minutes()));
      rows.add(row);
      services += c.services();
      minutes += c.minutes();
    }
    noneIfEmpty(rows, Section.CATEGORIES);
    if (!p.categories().isEmpty()) {
      Map<String, @Nullable Object> total = row(Section.CATEGORIES);
      total.put("text1", "TOTAL");
      total.put("c1", cells.cell(services));
      total.put("h1", cells.small(services) ? HIDDEN : hours(minutes));
      total.put("bold", true);
      rows.add(total);
    }
  }

  /**
   * The category's name in the report's language with its code, as the standard in force at the end
   * of the period {@code to} names it; the bare code when the standard does not know it ({@code
   * UNMAPPED}: a service no mapping placed in the catalogue).
   */
  private String categoryName(String code, String to, Locale locale) {
    return standards
        .findInForceOn(YearMonth.parse(to).atEndOfMonth())
        .flatMap(s -> s.category(code))
        .map(c -> label(c, locale))
        .orElse(code);
  }

  private static String label(Category c, Locale locale) {
    return "zh".equals(locale.getLanguage())
        ? c.nameZh() + "（" + c.code() + "）"
        : c.nameEn() + " (" + c.code() + ")";
  }

  private static void flows(Policy p, List<Map<String, @Nullable Object>> rows) {
    long before = p.liabilityBefore();
    for (Policy.Flow f : p.flows()) {
      Map<String, @Nullable Object> row = row(Section.FLOWS);
      row.put("text1", f.period());
      row.put("h1", hours(f.issued()));
      row.put("h2", hours(f.redeemed()));
      row.put("h3", hours(f.fromPool()));
      row.put("h4", hours(f.donated()));
      row.put("h5", hours(f.liabilityEnd()));
      row.put("h6", hours(f.liabilityEnd() - before));
      before = f.liabilityEnd();
      rows.add(row);
    }
  }

  private void trend(Policy p, List<Map<String, @Nullable Object>> rows) {
    long max = p.trend().stream().mapToLong(Policy.TrendPoint::minutes).max().orElse(0);
    for (Policy.TrendPoint t : p.trend()) {
      Map<String, @Nullable Object> row = row(Section.TREND);
      row.put("text1", t.period());
      row.put("c1", cells.cell(t.active()));
      row.put("h1", hours(t.minutes()));
      row.put("bar", TextBars.of(t.minutes(), max, BAR_WIDTH));
      rows.add(row);
    }
  }

  private void transfers(Policy p, List<Map<String, @Nullable Object>> rows) {
    for (Policy.TransferCount t : p.transfers()) {
      List<Boolean> hidden = cells.protect(List.of(t.matched(), t.open()));
      Map<String, @Nullable Object> row = row(Section.TRANSFERS);
      row.put("text1", t.direction());
      row.put("c1", cells.cell(t.matched(), hidden.get(0)));
      row.put("h1", hidden.get(0) ? HIDDEN : hours(t.matchedMinutes()));
      row.put("c2", cells.cell(t.open(), hidden.get(1)));
      row.put("h2", hidden.get(1) ? HIDDEN : hours(t.openMinutes()));
      row.put("c3", cells.cell(t.matched() + t.open()));
      rows.add(row);
    }
    noneIfEmpty(rows, Section.TRANSFERS);
  }

  private void stars(Policy p, List<Map<String, @Nullable Object>> rows) {
    List<Long> counts = p.stars().stream().map(Policy.StarCount::volunteers).toList();
    List<Boolean> hidden = cells.protect(counts);
    long max = counts.stream().mapToLong(Long::longValue).max().orElse(0);
    for (int i = 0; i < p.stars().size(); i++) {
      Policy.StarCount s = p.stars().get(i);
      Map<String, @Nullable Object> row = row(Section.STARS);
      row.put("text1", String.valueOf(s.level()));
      row.put("c1", cells.cell(s.volunteers(), hidden.get(i)));
      row.put("bar", hidden.get(i) ? "" : TextBars.of(s.volunteers(), max, BAR_WIDTH));
      rows.add(row);
    }
    Map<String, @Nullable Object> total = row(Section.STARS);
    total.put("text1", "TOTAL");
    total.put("c1", cells.cell(counts.stream().mapToLong(Long::longValue).sum()));
    total.put("bold", true);
    rows.add(total);
  }

  private void grades(Policy p, List<Map<String, @Nullable Object>> rows) {
    for (String subject : p.grades().stream().map(Policy.GradeCount::subject).distinct().toList()) {
      List<Policy.GradeCount> of =
          p.grades().stream().filter(g -> g.subject().equals(subject)).toList();
      List<Boolean> hidden = cells.protect(of.stream().map(Policy.GradeCount::count).toList());
      long total = of.stream().mapToLong(Policy.GradeCount::count).sum();
      for (int i = 0; i < of.size(); i++) {
        Map<String, @Nullable Object> row = row(Section.GRADES);
        row.put("text1", subject);
        row.put("text2", of.get(i).grade());
        row.put("c1", cells.cell(of.get(i).count(), hidden.get(i)));
        row.put(
            "h1",
            hidden.get(i) || total == 0
                ? HIDDEN
                : BigDecimal.valueOf(of.get(i).count() * 100)
                    .divide(BigDecimal.valueOf(total), 2, RoundingMode.HALF_UP));
        rows.add(row);
      }
      Map<String, @Nullable Object> row = row(Section.GRADES);
      row.put("text1", subject);
      row.put("text2", "TOTAL");
      row.put("c1", cells.cell(total));
      row.put("bold", true);
      rows.add(row);
    }
    noneIfEmpty(rows, Section.GRADES);
  }

  private void psi(Policy p, List<Map<String, @Nullable Object>> rows) {
    for (Policy.PsiLine l : p.psi()) {
      Map<String, @Nullable Object> row = row(Section.PSI);
      row.put("text1", l.bankCode());
      row.put("text2", l.cardVersion());
      row.put("text3", l.basePeriod());
      row.put("c1", cells.cell(l.baseCount()));
      row.put("c2", cells.cell(l.actualCount()));
      row.put("h1", l.psi().setScale(4, RoundingMode.HALF_UP));
      row.put("text4", l.band());
      rows.add(row);
    }
    noneIfEmpty(rows, Section.PSI);
  }

  private static boolean hasRole(Map<String, long[]> counts, String role) {
    return !"UNKNOWN".equals(role) || counts.keySet().stream().anyMatch(k -> k.startsWith(role));
  }

  private static long[] roleTotal(Map<String, long[]> counts, String role) {
    long[] total = new long[6];
    counts.forEach(
        (key, c) -> {
          if (key.startsWith(role + "|")) {
            for (int i = 0; i < 6; i++) {
              total[i] += c[i];
            }
          }
        });
    return total;
  }

  private static List<Boolean> hideAllIf(List<Boolean> hidden, boolean all) {
    return all ? hidden.stream().map(h -> true).toList() : hidden;
  }

  static BigDecimal hours(long minutes) {
    return BigDecimal.valueOf(minutes).divide(SIXTY, 2, RoundingMode.HALF_UP);
  }

  private static void noneIfEmpty(List<Map<String, @Nullable Object>> rows, Section section) {
    if (rows.isEmpty() || !section.name().equals(rows.get(rows.size() - 1).get("section"))) {
      Map<String, @Nullable Object> row = row(section);
      row.put("empty", true);
      rows.add(row);
    }
  }

  private static Map<String, @Nullable Object> row(Section section) {
    Map<String, @Nullable Object> row = new HashMap<>();
    row.put("section", section.name());
    row.put("empty", false);
    row.put("bold", false);
    return row;
  }
}
