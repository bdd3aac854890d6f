package cn.timebank.standards.codes;

import java.util.Locale;

/**
 * The result-code catalogue of spec §4: every code, its severity and its message in zh-CN and en,
 * in one place. Codes are stable: never reuse one for another meaning. The anomaly codes (A3xx) of
 * credit scoring are not result codes and live with scoring.
 */
public enum ResultCode {
  P001(Severity.PACKAGE_REJECTED, "清单缺失、无法读取或无效", "manifest missing, unreadable or invalid"),
  P002(
      Severity.PACKAGE_REJECTED,
      "签名缺失或无法用该银行登记的公钥验证",
      "signature missing or does not verify with the bank's registered key"),
  P003(Severity.PACKAGE_REJECTED, "未知、暂停或已关闭的银行", "unknown, suspended or closed bank"),
  P004(Severity.PACKAGE_REJECTED, "文件的SHA-256与清单不符", "a file's SHA-256 differs from the manifest"),
  P005(Severity.PACKAGE_REJECTED, "文件的记录行数与清单不符", "a file's row count differs from the manifest"),
  P006(
      Severity.PACKAGE_REJECTED,
      "报送期无效：格式错误、在未来或早于银行登记",
      "period invalid: malformed, in the future, or before the bank was registered"),
  P007(
      Severity.PACKAGE_REJECTED,
      "同一银行、报送期和序号已以不同内容报送",
      "same bank, period and sequence already received with different content"),
  P008(Severity.PACKAGE_REJECTED, "字节不符合声明的编码", "bytes not valid in the declared encoding"),
  P009(
      Severity.PACKAGE_REJECTED,
      "清单所列文件缺失，或存在清单未列的文件",
      "a file named in the manifest is missing, or an unnamed file is present"),
  P010(
      Severity.PACKAGE_REJECTED,
      "CSV表头缺少必需列或列重复",
      "a CSV header lacks a required column or repeats one"),
  P011(Severity.PACKAGE_REJECTED, "更正超过更正期限", "a correction after the correction window"),
  P012(
      Severity.PACKAGE_REJECTED,
      "序号顺序错误：新报送期须为1，否则须为上次接受序号加1",
      "sequence out of order: not 1 for a new period, or not one more than the last accepted"),

  R101(Severity.RECORD_REJECTED, "缺少必填字段", "required field missing"),
  R102(
      Severity.RECORD_REJECTED,
      "字段格式错误（日期、数字、枚举或代码）",
      "field malformed (date, number, enum, code)"),
  R103(Severity.RECORD_REJECTED, "结束时间早于开始时间", "end is not after start"),
  R104(Severity.RECORD_REJECTED, "服务时长超过标准上限", "duration above the standard's maximum"),
  R105(
      Severity.RECORD_REJECTED,
      "该银行在该日期没有此本地服务类别的映射",
      "local category has no mapping for this bank at that date"),
  R106(
      Severity.RECORD_REJECTED,
      "服务提供者或接受者不是本银行登记的参与者",
      "provider or recipient not a registered participant of this bank"),
  R107(Severity.RECORD_REJECTED, "服务提供者与接受者是同一人", "provider and recipient are the same person"),
  R108(Severity.RECORD_REJECTED, "居民身份证号码校验码错误", "resident ID fails its check digit"),
  R109(
      Severity.RECORD_REJECTED,
      "居民身份证号码中的出生日期与出生日期字段不符",
      "resident ID birth date differs from birth_date"),
  R110(
      Severity.RECORD_REJECTED,
      "服务或交易日期不在报送期内",
      "service or transaction date outside the reported period"),
  R111(Severity.RECORD_REJECTED, "服务时服务提供者未满18周岁", "provider under 18 at the service"),
  R112(Severity.RECORD_REJECTED, "参与者在服务日期不是有效状态", "participant not ACTIVE at the service date"),
  R113(
      Severity.RECORD_REJECTED,
      "编号在同一报送包内重复：首次之后的每次出现均被拒绝",
      "service_ref/txn_ref repeated inside the package: every occurrence after the first is rejected"),
  R114(Severity.RECORD_REJECTED, "冲正所指记录在本银行不存在", "reverses_ref names nothing known for this bank"),
  R115(
      Severity.RECORD_REJECTED,
      "余额不足以支付兑换、赠与、捐赠或转出",
      "balance does not cover a redemption, gift, donation or transfer"),
  R116(
      Severity.RECORD_REJECTED,
      "服务提供者缺少该类别要求的证书",
      "provider lacks the certificate the category requires"),
  R117(Severity.RECORD_REJECTED, "未满60周岁的接受者使用余额兑换", "redemption by a recipient under 60"),
  R118(
      Severity.RECORD_REJECTED,
      "该编号已被本银行用于另一条记录",
      "ref already used by this bank for a different record"),
  R119(
      Severity.RECORD_REJECTED,
      "期初余额只能出现在该银行首个被接受的报送包及其更正中",
      "OPENING_BALANCE outside the bank's first accepted package and its corrections"),

  W201(Severity.WARNING, "已达每日上限：部分或全部未计入", "daily cap reached: part or all not credited"),
  W202(Severity.WARNING, "低于最低计时：未计入", "below the minimum billable time: nothing credited"),
  W203(Severity.WARNING, "已达存储上限：超出部分转入互助池", "storage cap reached: the excess went to the pool"),
  W204(Severity.WARNING, "服务提供者的服务时间重叠", "provider has overlapping services"),
  W205(Severity.WARNING, "服务后超过30天才登记", "recorded more than 30 days after the service"),
  W206(
      Severity.WARNING,
      "向未满60周岁且无残疾的接受者提供的发行或互助池服务",
      "issued or pool service to a recipient under 60 without disability"),
  W207(
      Severity.WARNING,
      "转入在对方银行尚无匹配的转出",
      "TRANSFER_IN with no matching TRANSFER_OUT (yet) at the named bank");

  private final Severity severity;
  private final String zh;
  private final String en;

  ResultCode(Severity severity, String zh, String en) {
    this.severity = severity;
    this.zh = zh;
    this.en = en;
  }

  public Severity severity() {
    return severity;
  }

  public boolean rejectsPackage() {
    return severity == Severity.PACKAGE_REJECTED;
  }

  public boolean rejectsRecord() {
    return severity == Severity.RECORD_REJECTED;
  }

  public boolean isWarning() {
    return severity == Severity.WARNING;
  }

  /** The message in zh-CN. */
  public String zh() {
    return zh;
  }

  /** The message in English. */
  public String en() {
    return en;
  }

  /** The message in one locale: Chinese for any {@code zh} locale, English otherwise. */
  public String message(Locale locale) {
    return "zh".equals(locale.getLanguage()) ? zh : en;
  }

  /** Both messages, as receipts show them: {@code "结束时间早于开始时间 / end is not after start"}. */
  public String bilingual() {
    return zh + " / " + en;
  }
}
