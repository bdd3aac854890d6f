package cn.timebank.reporting;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.TimeZone;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRParameter;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;
import net.sf.jasperreports.engine.export.HtmlExporter;
import net.sf.jasperreports.engine.fill.JRSwapFileVirtualizer;
import net.sf.jasperreports.engine.util.JRSwapFile;
import net.sf.jasperreports.export.SimpleCsvExporterConfiguration;
import net.sf.jasperreports.export.SimpleExporterInput;
import net.sf.jasperreports.export.SimpleHtmlExporterOutput;
import net.sf.jasperreports.export.SimpleOutputStreamExporterOutput;
import net.sf.jasperreports.export.SimpleWriterExporterOutput;
import net.sf.jasperreports.export.SimpleXlsxReportConfiguration;
import net.sf.jasperreports.pdf.JRPdfExporter;
import net.sf.jasperreports.pdf.SimplePdfExporterConfiguration;

/**
 * Renders any {@link ReportDefinition}: compiles its jrxml once (cached by template), fills it with
 * the definition's rows and parameters plus the common ones, and exports it.
 *
 * <p>Every fill gets {@code REPORT_LOCALE} (zh-CN unless English is asked for), {@code
 * REPORT_RESOURCE_BUNDLE} (the report's bundle in that locale), {@code REPORT_TIME_ZONE}
 * (Asia/Shanghai), {@code GENERATED_AT} (the clock's time, {@code yyyy-MM-dd HH:mm:ss}) and a swap
 * file virtualizer under the swap directory, so that long reports keep few pages in memory. Formats
 * other than PDF are filled without pagination: one sheet, one HTML page, one CSV table.
 */
public final class ReportRenderer {

  /** The time zone of every report: the platform reports in Beijing time. */
  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  /** The parameter holding the generation time, as text. */
  public static final String GENERATED_AT = "GENERATED_AT";

  /**
   * The parameter holding the format's name ({@code PDF}, {@code XLSX}, ...): templates print their
   * text-bar charts only for {@code PDF} and {@code HTML}, so spreadsheets keep figures only.
   */
  public static final String EXPORT_FORMAT = "EXPORT_FORMAT";

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  /** Pages kept in memory per fill before the virtualizer swaps them out. */
  private static final int PAGES_IN_MEMORY = 50;

  private final Clock clock;
  private final Path swapDirectory;
  private final ConcurrentMap<String, JasperReport> compiled = new ConcurrentHashMap<>();

  /**
   * @param clock the source of the generation time
   * @param swapDirectory where the virtualizer swaps pages (created when missing)
   */
  public ReportRenderer(Clock clock, Path swapDirectory) {
    this.clock = clock;
    this.swapDirectory = swapDirectory;
  }

  /** A renderer on the system clock, swapping into {@code java.io.tmpdir/timebank-reports}. */
  public static ReportRenderer withDefaults() {
    return new ReportRenderer(
        Clock.system(ZONE), Path.of(System.getProperty("java.io.tmpdir"), "timebank-reports"));
  }

  /** Renders one report into a byte array. */
  public <I> byte[] render(
      ReportDefinition<I> report, I input, ReportFormat format, Locale locale) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    render(report, input, format, locale, out);
    return out.toByteArray();
  }

  /** Renders one report to a stream, which stays open. */
  public <I> void render(
      ReportDefinition<I> report, I input, ReportFormat format, Locale locale, OutputStream out) {
    Locale reportLocale = ReportLocales.supported(locale);
    ReportData data = report.data(input, reportLocale);
    JRSwapFileVirtualizer virtualizer = virtualizer();
    try {
      Map<String, Object> parameters = new HashMap<>(data.parameters());
      parameters.put(JRParameter.REPORT_LOCALE, reportLocale);
      parameters.put(JRParameter.REPORT_RESOURCE_BUNDLE, bundle(report, reportLocale));
      parameters.put(JRParameter.REPORT_TIME_ZONE, TimeZone.getTimeZone(ZONE));
      parameters.put(JRParameter.REPORT_VIRTUALIZER, virtualizer);
      parameters.put(JRParameter.IS_IGNORE_PAGINATION, format.ignoresPagination());
      parameters.put(GENERATED_AT, TIME.format(clock.instant().atZone(ZONE)));
      parameters.put(EXPORT_FORMAT, format.name());
      JasperPrint print =
          JasperFillManager.fillReport(
              compiled(report),
              parameters,
              new JRMapCollectionDataSource(new ArrayList<>(data.rows())));
      export(print, format, out);
    } catch (JRException e) {
      throw new ReportException("cannot render report " + report.name() + " as " + format, e);
    } finally {
      virtualizer.cleanup();
    }
  }

  /** The compiled template of a report, compiled on first use. */
  JasperReport compiled(ReportDefinition<?> report) {
    return compiled.computeIfAbsent(report.template(), ReportRenderer::compile);
  }

  private static JasperReport compile(String template) {
    try (InputStream jrxml = ReportRenderer.class.getClassLoader().getResourceAsStream(template)) {
      if (jrxml == null) {
        throw new ReportException("no report template on the classpath: " + template, null);
      }
      return JasperCompileManager.compileReport(jrxml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (JRException e) {
      throw new ReportException("cannot compile " + template, e);
    }
  }

  private static ResourceBundle bundle(ReportDefinition<?> report, Locale locale) {
    return ResourceBundle.getBundle(
        report.bundle(),
        locale,
        ReportRenderer.class.getClassLoader(),
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  private JRSwapFileVirtualizer virtualizer() {
    try {
      Files.createDirectories(swapDirectory);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new JRSwapFileVirtualizer(
        PAGES_IN_MEMORY, new JRSwapFile(swapDirectory.toString(), 4096, 64), true);
  }

  private static void export(JasperPrint print, ReportFormat format, OutputStream out)
      throws JRException {
    SimpleExporterInput input = new SimpleExporterInput(print);
    switch (format) {
      case PDF -> {
        JRPdfExporter exporter = new JRPdfExporter();
        exporter.setExporterInput(input);
        SimplePdfExporterConfiguration configuration = new SimplePdfExporterConfiguration();
        configuration.setMetadataTitle(print.getName());
        configuration.setMetadataCreator("时间银行监管平台 / Time Bank Supervision Platform");
        exporter.setConfiguration(configuration);
        exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(out));
        exporter.exportReport();
      }
      case XLSX -> {
        NeutralisingXlsxExporter exporter = new NeutralisingXlsxExporter();
        exporter.setExporterInput(input);
        SimpleXlsxReportConfiguration configuration = new SimpleXlsxReportConfiguration();
        configuration.setDetectCellType(true);
        configuration.setOnePagePerSheet(false);
        configuration.setRemoveEmptySpaceBetweenRows(true);
        configuration.setRemoveEmptySpaceBetweenColumns(true);
        configuration.setWhitePageBackground(false);
        exporter.setConfiguration(configuration);
        exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(out));
        exporter.exportReport();
      }
      case HTML -> {
        HtmlExporter exporter = new HtmlExporter();
        exporter.setExporterInput(input);
        exporter.setExporterOutput(new SimpleHtmlExporterOutput(out, "UTF-8"));
        exporter.exportReport();
      }
      case CSV -> {
        writeByteOrderMark(out);
        NeutralisingCsvExporter exporter = new NeutralisingCsvExporter();
        exporter.setExporterInput(input);
        exporter.setConfiguration(new SimpleCsvExporterConfiguration());
        exporter.setExporterOutput(new SimpleWriterExporterOutput(out, "UTF-8"));
        exporter.exportReport();
      }
    }
  }

  private static void writeByteOrderMark(OutputStream out) {
    try {
      out.write("\uFEFF".getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
