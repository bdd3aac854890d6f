package cn.timebank.app.report;

import static org.assertj.core.api.Assertions.assertThat;

import cn.timebank.app.support.CommandRun;
import cn.timebank.simulator.SimulationOptions;
import cn.timebank.simulator.Simulator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./timebank report} as a user runs it, on a small simulated world that went through the
 * real pipeline: registry import, ingest of each bank's package, the score job.
 */
@TestInstance(Lifecycle.PER_CLASS)
class ReportCommandTests {

  private static final Pattern PACKAGE_ID = Pattern.compile("\"package_id\" : \"([^\"]+)\"");

  private Path dataDir = Path.of("");
  private Path reports = Path.of("");

  private final YearMonth period = YearMonth.now(ZoneId.of("Asia/Shanghai")).minusMonths(2);
  private String packageId = "";
  private String out = "";
  private String err = "";

  @BeforeAll
  void buildTheWorld(@TempDir Path base) throws IOException {
    dataDir = Files.createDirectories(base.resolve("data"));
    reports = Files.createDirectories(base.resolve("reports"));
    Path world = Files.createDirectories(base.resolve("world"));
    Simulator.run(new SimulationOptions(1, 60, 300, period, 11, world, false, 0.02, false));
    assertThat(run("registry", "import", world.resolve("registry.json").toString())).isZero();
    assertThat(run("ingest", world.resolve("310109-001_" + period + "_1.zip").toString())).isZero();
    Matcher id = PACKAGE_ID.matcher(out);
    assertThat(id.find()).isTrue();
    packageId = id.group(1);
    assertThat(run("score", "--period", period.toString())).isZero();
  }

  @Test
  void writesTheReceiptOfAPackageAsPdfInChineseAndEnglish() throws IOException {
    Path zh = reports.resolve("receipt.pdf");
    assertThat(run("report", "receipt", "--package", packageId, "--out", zh.toString())).isZero();
    assertThat(out).contains("wrote " + zh, "receipt, pdf, zh-CN");
    assertThat(pdfText(zh)).contains("报送回执", packageId, "310109-001", period.toString());

    Path en = reports.resolve("receipt-en.pdf");
    assertThat(
            run(
                "report",
                "receipt",
                "--package",
                packageId,
                "--locale",
                "en",
                "--out",
                en.toString()))
        .isZero();
    assertThat(pdfText(en)).contains("Submission receipt", packageId).doesNotContain("报送回执");
  }

  @Test
  void writesTheStatementOfAParticipantWithItsBalance() throws IOException {
    assertThat(run("balances", "310109-001")).isZero();
    String[] first = out.lines().skip(1).findFirst().orElseThrow().split(",");
    String ref = first[0];
    long balance = Long.parseLong(first[1]);
    Path pdf = reports.resolve("statement.pdf");
    assertThat(
            run(
                "report",
                "statement",
                "--bank",
                "310109-001",
                "--participant",
                ref,
                "--out",
                pdf.toString()))
        .isZero();
    assertThat(pdfText(pdf))
        .contains("时间银行存折对账单", ref, "当前余额 " + String.format("%,d", balance) + " 分钟");

    assertThat(
            run(
                "report",
                "statement",
                "--bank",
                "310109-001",
                "--participant",
                "NOPE",
                "--out",
                pdf.toString()))
        .isOne();
    assertThat(err).contains("has no participant 'NOPE'");
    assertThat(run("report", "statement", "--bank", "310109-001", "--out", pdf.toString()))
        .isEqualTo(2);
    assertThat(err).contains("participant is required");
  }

  @Test
  void writesTheComplianceReportOfTheBankWithItsRatingAndASoundChain() throws IOException {
    Path pdf = reports.resolve("compliance.pdf");
    assertThat(
            run(
                "report",
                "compliance",
                "--bank",
                "310109-001",
                "--period",
                period.toString(),
                "--out",
                pdf.toString()))
        .isZero();
    assertThat(pdfText(pdf))
        .contains("时间银行合规情况报告", packageId, "通过（校验", "合规评级五项指标")
        .containsPattern("\\d+\\.\\d{2} 分，[ABCD] 级")
        .doesNotContain("未通过");
    assertThat(
            run(
                "report",
                "compliance",
                "--bank",
                "999999-999",
                "--period",
                period.toString(),
                "--out",
                pdf.toString()))
        .isOne();
    assertThat(err).contains("no bank '999999-999'");
  }

  @Test
  void writesXlsxAndCsvWhenAsked() throws IOException {
    Path csv = reports.resolve("receipt.csv");
    assertThat(
            run(
                "report",
                "receipt",
                "--package",
                packageId,
                "--format",
                "csv",
                "--out",
                csv.toString()))
        .isZero();
    assertThat(Files.readString(csv, StandardCharsets.UTF_8))
        .startsWith("\uFEFF")
        .contains(packageId);
    Path xlsx = reports.resolve("receipt.xlsx");
    assertThat(
            run(
                "report",
                "receipt",
                "--package",
                packageId,
                "--format",
                "xlsx",
                "--out",
                xlsx.toString()))
        .isZero();
    assertThat(Files.readAllBytes(xlsx)).startsWith((byte) 'P', (byte) 'K');
  }

  @Test
  void answersAnUnknownPackageWithOneAndABadLineWithTwo() {
    Path file = reports.resolve("nothing.pdf");
    assertThat(run("report", "receipt", "--package", "no-such", "--out", file.toString())).isOne();
    assertThat(err).contains("no package with id 'no-such'");
    assertThat(file).doesNotExist();
    assertThat(file.resolveSibling("nothing.pdf.part")).doesNotExist();

    assertThat(run("report", "receipt", "--out", file.toString())).isEqualTo(2);
    assertThat(err).contains("package is required");
    assertThat(run("report", "ledger", "--out", file.toString())).isEqualTo(2);
    assertThat(err).contains("unknown report type 'ledger'");
    assertThat(
            run("report", "receipt", "--package", packageId, "--format", "doc", "--out", "x.doc"))
        .isEqualTo(2);
    assertThat(err).contains("format must be pdf, xlsx, html or csv");
  }

  @Test
  void writesTheOverviewOfTheRegionWithTheBanksRating() throws IOException {
    Path pdf = reports.resolve("overview.pdf");
    assertThat(
            run(
                "report",
                "overview",
                "--region",
                "31",
                "--period",
                period.toString(),
                "--out",
                pdf.toString()))
        .isZero();
    assertThat(pdfText(pdf))
        .contains("时间银行区域监管概览", "代码以 31 开头", "310109-001")
        .containsPattern("1 310109-001 .* \\d+\\.\\d{2} [ABCD] \\d+");
    assertThat(
            run(
                "report",
                "overview",
                "--region",
                "99",
                "--period",
                period.toString(),
                "--out",
                pdf.toString()))
        .isOne();
    assertThat(err).contains("no bank is registered in region 99");
    assertThat(
            run(
                "report",
                "overview",
                "--region",
                "3x",
                "--period",
                period.toString(),
                "--out",
                pdf.toString()))
        .isEqualTo(2);
    assertThat(err).contains("region must be a region-code prefix");
  }

  @Test
  void writesThePolicyReportOverARangeWithoutPersonalData() throws IOException {
    Path pdf = reports.resolve("policy.pdf");
    assertThat(
            run(
                "report",
                "policy",
                "--region",
                "31",
                "--from",
                period.minusMonths(2).toString(),
                "--to",
                period.toString(),
                "--out",
                pdf.toString()))
        .isZero();
    String text = pdfText(pdf);
    assertThat(text).contains("时间银行政策分析报告", "不含任何个人信息", "志愿者星级").doesNotContain("310109-001-P");
    Path csv = reports.resolve("policy.csv");
    assertThat(
            run(
                "report",
                "policy",
                "--region",
                "31",
                "--period",
                period.toString(),
                "--format",
                "csv",
                "--out",
                csv.toString()))
        .isZero();
    assertThat(Files.readString(csv, StandardCharsets.UTF_8)).contains("参与者");
    assertThat(
            run(
                "report",
                "policy",
                "--region",
                "31",
                "--from",
                period.toString(),
                "--to",
                period.minusMonths(1).toString(),
                "--out",
                pdf.toString()))
        .isEqualTo(2);
    assertThat(err).contains("is after to");
  }

  @Test
  void keepsTheReportsOfADuePeriodOnceAndNeverOverwritesThem() throws IOException {
    Path kept = dataDir.resolve("reports").resolve(period.toString());
    Path compliance = kept.resolve("compliance-310109-001.pdf");
    Path overview = kept.resolve("overview-31.pdf");
    assertThat(compliance).as("kept by the score run of a period past its due date").exists();
    assertThat(overview).exists();
    assertThat(pdfText(compliance)).contains("时间银行合规情况报告", "310109-001");
    assertThat(pdfText(overview)).contains("时间银行区域监管概览");
    byte[] before = Files.readAllBytes(compliance);

    Files.delete(overview);
    assertThat(run("report", "archive")).isZero();
    assertThat(out).contains("kept 1 new reports").contains("overview-31.pdf");
    assertThat(overview).exists();
    assertThat(Files.readAllBytes(compliance)).as("not written again").isEqualTo(before);
    assertThat(run("score", "--period", period.toString())).isZero();
    assertThat(Files.readAllBytes(compliance)).isEqualTo(before);
    assertThat(run("report", "archive")).isZero();
    assertThat(out).contains("kept 0 new reports");

    YearMonth current = YearMonth.now(ZoneId.of("Asia/Shanghai"));
    assertThat(run("score", "--period", current.toString())).isZero();
    assertThat(run("report", "archive")).isZero();
    assertThat(dataDir.resolve("reports").resolve(current.toString()))
        .as("the current period is not due yet")
        .doesNotExist();
  }

  static String pdfText(Path pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
      return new PDFTextStripper().getText(document);
    }
  }

  private int run(String... args) {
    CommandRun commands = new CommandRun(dataDir);
    int code = commands.run(args);
    out = commands.out();
    err = commands.err();
    return code;
  }
}
