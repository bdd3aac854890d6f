package cn.timebank.reporting.receipt;

import static org.assertj.core.api.Assertions.assertThat;

import cn.timebank.ingestion.receipt.FileCount;
import cn.timebank.ingestion.receipt.Receipt;
import cn.timebank.ingestion.receipt.ReceiptLine;
import cn.timebank.reporting.ReportFormat;
import cn.timebank.reporting.ReportLocales;
import cn.timebank.reporting.ReportRenderer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.api.io.TempDir;

/**
 * The receipt rendered in every format from one sample receipt; the outputs are also written to
 * {@code target/reports/} to look at.
 */
@TestInstance(Lifecycle.PER_CLASS)
class ReceiptReportTests {

  private static final Path OUT = Path.of("target", "reports");

  private final Receipt receipt = ReceiptSamples.partlyAcceptedAndLate();
  private final Map<String, byte[]> rendered = new HashMap<>();
  private ReportRenderer renderer;

  @BeforeAll
  void render(@TempDir Path swap) throws IOException {
    renderer =
        new ReportRenderer(
            Clock.fixed(Instant.parse("2026-11-12T02:00:00Z"), ReportRenderer.ZONE), swap);
    Files.createDirectories(OUT);
    ReceiptReport report = new ReceiptReport();
    render(renderer, report, ReportFormat.PDF, ReportLocales.ZH_CN);
    render(renderer, report, ReportFormat.PDF, ReportLocales.EN);
    render(renderer, report, ReportFormat.XLSX, ReportLocales.ZH_CN);
    render(renderer, report, ReportFormat.CSV, ReportLocales.ZH_CN);
    render(renderer, report, ReportFormat.HTML, ReportLocales.ZH_CN);
  }

  private void render(
      ReportRenderer renderer, ReceiptReport report, ReportFormat format, Locale locale)
      throws IOException {
    byte[] bytes = renderer.render(report, receipt, format, locale);
    String name = "receipt_" + locale + "." + format.extension();
    rendered.put(name, bytes);
    Files.write(OUT.resolve(name), bytes);
  }

  @Test
  void pdfInChineseShowsTitlePackageStatusAndEveryCount() throws IOException {
    String text = pdfText("receipt_zh_CN.pdf");

    assertThat(text)
        .contains("报送回执", "时间银行监管平台", ReceiptSamples.PACKAGE_ID, "部分接收", "逾期 2 天 9 小时 30 分钟")
        .contains("第 1 页，共 1 页");
    receipt
        .counts()
        .files()
        .forEach(
            (file, count) ->
                assertThat(text)
                    .contains(
                        file
                            + " "
                            + grouped(count.read())
                            + " "
                            + grouped(count.accepted())
                            + " "
                            + grouped(count.rejected())));
    receipt
        .counts()
        .codes()
        .forEach((code, count) -> assertThat(text).containsPattern(code + " .* " + count));
    long read = receipt.counts().files().values().stream().mapToLong(FileCount::read).sum();
    assertThat(text).contains(grouped(read));
  }

  @Test
  void longReceiptRunsOverPagesWithPageXOfYAndRepeatedHeaders() throws IOException {
    List<ReceiptLine> lines = new ArrayList<>();
    for (long line = 1; line <= 150; line++) {
      lines.add(
          new ReceiptLine("services.csv", line, "S-" + line, "ended_at", "R103", "结束时间早于开始时间"));
    }
    Receipt longReceipt =
        new Receipt(
            receipt.packageId(),
            receipt.sha256(),
            receipt.bankCode(),
            receipt.period(),
            receipt.sequence(),
            receipt.receivedAt(),
            receipt.dueAt(),
            receipt.late(),
            receipt.status(),
            receipt.counts(),
            lines,
            List.of());
    byte[] pdf =
        renderer.render(new ReceiptReport(), longReceipt, ReportFormat.PDF, ReportLocales.ZH_CN);
    Files.write(OUT.resolve("receipt_long_zh_CN.pdf"), pdf);

    try (PDDocument document = Loader.loadPDF(pdf)) {
      int pages = document.getNumberOfPages();
      assertThat(pages).isGreaterThan(1);
      PDFTextStripper stripper = new PDFTextStripper();
      stripper.setStartPage(pages);
      stripper.setEndPage(pages);
      assertThat(stripper.getText(document))
          .contains("第 " + pages + " 页，共 " + pages + " 页", "记录编号", ReceiptSamples.PACKAGE_ID);
    }
  }

  @Test
  void pdfInEnglishHasEnglishLabels() throws IOException {
    String text = pdfText("receipt_en.pdf");

    assertThat(text)
        .contains("Submission receipt", "Package ID", "Rejected records", "partly accepted")
        .contains("Late by 2 d 9 h 30 min", "Page 1 of 1")
        .doesNotContain("报送回执");
  }

  @Test
  void pdfEmbedsOnlyTheNotoSansScSubset() throws IOException {
    try (PDDocument pdf = Loader.loadPDF(rendered.get("receipt_zh_CN.pdf"))) {
      List<PDFont> fonts = new ArrayList<>();
      for (PDPage page : pdf.getPages()) {
        PDResources resources = page.getResources();
        for (COSName name : resources.getFontNames()) {
          fonts.add(resources.getFont(name));
        }
      }

      assertThat(fonts).isNotEmpty();
      for (PDFont font : fonts) {
        assertThat(font).isInstanceOf(PDType0Font.class);
        assertThat(font.isEmbedded()).isTrue();
        assertThat(font.getName()).matches("[A-Z]{6}\\+NotoSansSC-(Regular|Bold)");
      }
    }
  }

  @Test
  void xlsxHasNumericCountsAndNeutralisedFormulaText() throws IOException {
    try (XSSFWorkbook workbook =
        new XSSFWorkbook(new ByteArrayInputStream(rendered.get("receipt_zh_CN.xlsx")))) {
      Sheet sheet = workbook.getSheetAt(0);
      Map<String, Row> rowsByFirstText = new HashMap<>();
      List<String> texts = new ArrayList<>();
      for (Row row : sheet) {
        for (Cell cell : row) {
          if (cell.getCellType() == CellType.STRING) {
            texts.add(cell.getStringCellValue());
            rowsByFirstText.putIfAbsent(cell.getStringCellValue(), row);
          }
        }
      }

      receipt
          .counts()
          .files()
          .forEach(
              (file, count) ->
                  assertThat(numbers(rowsByFirstText.get(file)))
                      .containsExactly(
                          (double) count.read(),
                          (double) count.accepted(),
                          (double) count.rejected()));
      receipt
          .counts()
          .codes()
          .forEach(
              (code, count) ->
                  assertThat(numbers(rowsByFirstText.get(code))).containsExactly((double) count));
      assertThat(texts)
          .contains("'=HYPERLINK(\"http://x\")", "'@SUM(A1:A9) 结束时间早于开始时间", "'-field")
          .contains("'+缺少必填字段 / required field missing")
          .noneMatch(text -> text.startsWith("=") || text.startsWith("@"));
    }
  }

  @Test
  void csvNeutralisesFormulaTextAndKeepsNumbersPlain() {
    String csv = new String(rendered.get("receipt_zh_CN.csv"), StandardCharsets.UTF_8);

    assertThat(csv)
        .startsWith("\uFEFF")
        .contains("'=HYPERLINK(\"\"http://x\"\")", "'@SUM(A1:A9) 结束时间早于开始时间", "'-field")
        .doesNotContain(",=", ",@", ",\"=");
    receipt
        .counts()
        .files()
        .forEach(
            (file, count) ->
                assertThat(csv.lines())
                    .anyMatch(
                        line ->
                            line.matches(
                                file.replace(".", "\\.")
                                    + ",+"
                                    + count.read()
                                    + ",+"
                                    + count.accepted()
                                    + ",+"
                                    + count.rejected())));
  }

  @Test
  void htmlShowsTheTitle() {
    String html = new String(rendered.get("receipt_zh_CN.html"), StandardCharsets.UTF_8);

    assertThat(html).contains("报送回执", ReceiptSamples.PACKAGE_ID);
  }

  private String pdfText(String name) throws IOException {
    try (PDDocument pdf = Loader.loadPDF(rendered.get(name))) {
      PDFTextStripper stripper = new PDFTextStripper();
      stripper.setSortByPosition(true);
      return stripper.getText(pdf);
    }
  }

  private static List<Double> numbers(Row row) {
    List<Double> numbers = new ArrayList<>();
    for (Cell cell : row) {
      if (cell.getCellType() == CellType.NUMERIC) {
        numbers.add(cell.getNumericCellValue());
      }
    }
    return numbers;
  }

  private static String grouped(long value) {
    return String.format(Locale.ROOT, "%,d", value);
  }
}
