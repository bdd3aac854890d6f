package cn.timebank.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import cn.timebank.app.support.CommandRun;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No raw resident identity number leaves the delivery: the demo runs into a temporary data
 * directory (simulate, register, ingest good and broken packages, score, write its reports), the
 * {@code report} command adds the HTML forms; then every generated report (PDF text through PDFBox,
 * the XML inside each XLSX, HTML, CSV), a full dump of the database ({@code SCRIPT}, the audit
 * trail included) and the log file are searched for every identity number the simulator wrote into
 * the participants files. The delivered packages themselves are kept as received (spec §5) and are
 * the control: the numbers are found there.
 */
class RawIdentityNumberReportsIntegrationTests {

  private static final Pattern ID = Pattern.compile("\\b\\d{17}[\\dX]\\b");

  @TempDir Path dataDir;
  @TempDir Path out;

  @Test
  void noRawIdentityNumberInAnyReportTheDatabaseOrTheLog() throws Exception {
    CommandRun commands = new CommandRun(dataDir);
    assertThat(commands.run("demo", "--out", out.toString(), "--services", "3000"))
        .as(commands.err())
        .isZero();
    Set<String> numbers = rawNumbers(out.resolve("packages"));
    assertThat(numbers).as("identity numbers the simulator wrote").hasSizeGreaterThan(1000);

    List<Path> reports = new ArrayList<>();
    try (Stream<Path> files = Files.list(out.resolve("reports"))) {
      files.sorted().forEach(reports::add);
    }
    String compliance =
        reports.stream()
            .map(p -> p.getFileName().toString())
            .filter(n -> n.startsWith("compliance-") && n.endsWith(".zh-CN.pdf"))
            .findFirst()
            .orElseThrow();
    String bank = compliance.substring("compliance-".length(), "compliance-".length() + 10);
    String period = compliance.substring(compliance.length() - ".zh-CN.pdf".length() - 7);
    period = period.substring(0, 7);
    for (String locale : List.of("zh-CN", "en")) {
      Path html = out.resolve("reports/compliance." + locale + ".html");
      assertThat(
              commands.run(
                  "report",
                  "compliance",
                  "--bank",
                  bank,
                  "--period",
                  period,
                  "--format",
                  "html",
                  "--locale",
                  locale,
                  "--out",
                  html.toString()))
          .as(commands.err())
          .isZero();
      reports.add(html);
    }
    assertThat(reports.stream().map(p -> extension(p)).distinct())
        .contains("pdf", "xlsx", "csv", "html");

    Map<String, String> texts = new LinkedHashMap<>();
    for (Path report : reports) {
      texts.put(report.getFileName().toString(), text(report));
    }
    texts.put("database dump", databaseDump());
    texts.put("log", Files.readString(dataDir.resolve("logs/timebank.log")));

    assertThat(texts.get("database dump")).contains("PARTICIPANTS", "AUDIT_EVENTS");
    for (Map.Entry<String, String> text : texts.entrySet()) {
      assertThat(text.getValue()).as(text.getKey()).isNotBlank();
      List<String> found = numbers.stream().filter(text.getValue()::contains).limit(5).toList();
      assertThat(found).as("raw identity numbers in %s", text.getKey()).isEmpty();
    }
  }

  /** Every 18-character identity number in the participants files of every package. */
  private static Set<String> rawNumbers(Path packages) throws IOException {
    Set<String> numbers = new TreeSet<>();
    try (Stream<Path> zips = Files.list(packages)) {
      for (Path zip : zips.filter(p -> p.toString().endsWith(".zip")).toList()) {
        try (ZipFile file = new ZipFile(zip.toFile())) {
          for (ZipEntry entry : Collections.list(file.entries())) {
            if (entry.getName().startsWith("participants")) {
              try (InputStream in = file.getInputStream(entry)) {
                String text = new String(in.readAllBytes(), Charset.forName("GB18030"));
                ID.matcher(text).results().forEach(m -> numbers.add(m.group()));
              }
            }
          }
        } catch (java.util.zip.ZipException brokenOnPurpose) {
          // the demo's P001 package is not a ZIP
        }
      }
    }
    return numbers;
  }

  private static String text(Path report) throws IOException {
    return switch (extension(report)) {
      case "pdf" -> {
        try (PDDocument document = Loader.loadPDF(report.toFile())) {
          yield new PDFTextStripper().getText(document);
        }
      }
      case "xlsx" -> {
        StringBuilder xml = new StringBuilder();
        try (ZipFile zip = new ZipFile(report.toFile())) {
          for (ZipEntry entry : Collections.list(zip.entries())) {
            try (InputStream in = zip.getInputStream(entry)) {
              xml.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
          }
        }
        yield xml.toString();
      }
      default -> Files.readString(report, StandardCharsets.UTF_8);
    };
  }

  private String databaseDump() throws Exception {
    StringBuilder dump = new StringBuilder();
    try (Connection connection =
            DriverManager.getConnection(
                "jdbc:h2:file:" + dataDir.resolve("db/timebank"), "sa", "");
        Statement sql = connection.createStatement();
        ResultSet rs = sql.executeQuery("script")) {
      while (rs.next()) {
        dump.append(rs.getString(1)).append('\n');
      }
    }
    return dump.toString();
  }

  private static String extension(Path file) {
    String name = file.getFileName().toString();
    return name.substring(name.lastIndexOf('.') + 1);
  }
}
