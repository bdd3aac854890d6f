package cn.timebank.scoring.finding;

/**
 * The anomaly codes of credit scoring, with their text in zh-CN and en. Codes are stable: never
 * reuse one for another meaning. They are not result codes of spec §4 (no record is refused).
 */
public enum FindingCode {
  A301("同一服务者的服务时间重叠", "overlapping services of one provider"),
  A302("多日达到每日上限", "repeated daily-cap hits"),
  A303("互惠刷时：两人互相服务、时数相近且构成各自大部分时数", "reciprocal inflation"),
  A304("30天内的短循环服务 A→B→C→A", "short service cycle A→B→C→A"),
  A305("服务记录严重滞后", "long recording lag"),
  A306("评价一律满分", "uniformly perfect ratings"),
  A307("同一人在两家银行同时服务", "one person serving in two banks at overlapping times");

  private final String zh;
  private final String en;

  FindingCode(String zh, String en) {
    this.zh = zh;
    this.en = en;
  }

  public String zh() {
    return zh;
  }

  public String en() {
    return en;
  }
}
