package cn.timebank.app.report;

import cn.timebank.app.cli.Command;
import cn.timebank.app.cli.CommandLine;
import cn.timebank.app.cli.Option;
import cn.timebank.app.cli.UsageException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * {@code ./timebank report TYPE [--bank B] [--region R] [--period P | --from P --to P]
 * [--participant REF] [--package ID] [--format pdf|xlsx|html|csv] [--locale zh-CN|en] --out FILE}:
 * renders one report into a file; {@code ./timebank report archive} keeps the reports of every
 * scored period that is due ({@link ReportArchive}). Exit 1 when there is nothing to report on (an
 * unknown package), 2 for a wrong command line.
 */
@Component
class ReportCommand implements Command {

  private final Reports reports;
  private final ReportArchive archive;
  private final Clock clock;
  private final PrintStream out = System.out;
  private final PrintStream err = System.err;

  ReportCommand(Reports reports, ReportArchive archive, Clock clock) {
    this.reports = reports;
    this.archive = archive;
    this.clock = clock;
  }

  @Override
  public String name() {
    return "report";
  }

  @Override
  public String summary() {
    return "render a report (receipt, compliance, overview, policy, statement) to a file";
  }

  @Override
  public String usage() {
    return "TYPE [--bank B] [--region R] [--period P | --from P --to P] [--participant REF]"
        + " [--package ID] [--format pdf|xlsx|html|csv] [--locale zh-CN|en] --out FILE"
        + "  |  archive";
  }

  @Override
  public int maxArguments() {
    return 1;
  }

  @Override
  public List<Option> options() {
    return List.of(
        Option.value("bank", "bank code (compliance, statement)"),
        Option.value("region", "region code or prefix (overview, policy)"),
        Option.value("period", "YYYY-MM"),
        Option.value("from", "first period of a range (policy)"),
        Option.value("to", "last period of a range (policy)"),
        Option.value("participant", "participant ref (statement)"),
        Option.value("package", "package id (receipt)"),
        Option.value("format", "pdf (default), xlsx, html or csv"),
        Option.value("locale", "zh-CN (default) or en"),
        Option.value("out", "the file to write"));
  }

  @Override
  public int run(CommandLine line) throws IOException {
    String type =
        line.argument(
            0, "the report TYPE (receipt, compliance, overview, policy, statement) or archive");
    if ("archive".equals(type)) {
      return archive();
    }
    Path file = Path.of(line.required("out"));
    ReportRequest request;
    try {
      request =
          ReportRequest.parse(
              type,
              line.value("bank").orElse(null),
              line.value("region").orElse(null),
              line.value("period").orElse(null),
              line.value("from").orElse(null),
              line.value("to").orElse(null),
              line.value("participant").orElse(null),
              line.value("package").orElse(null),
              line.value("format").orElse(null),
              line.value("locale").orElse(null));
    } catch (ReportRequestException e) {
      throw new UsageException(e.getMessage());
    }
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Path partial = file.resolveSibling(file.getFileName() + ".part");
    try (OutputStream stream = Files.newOutputStream(partial)) {
      reports.render(request, stream);
    } catch (ReportRequestException e) {
      Files.deleteIfExists(partial);
      if (e.kind() == ReportRequestException.Kind.INVALID) {
        throw new UsageException(e.getMessage());
      }
      err.println("timebank report: " + e.getMessage());
      return 1;
    } catch (RuntimeException e) {
      Files.deleteIfExists(partial);
      throw e;
    }
    Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    out.println(
        "wrote "
            + file
            + " ("
            + request.type().word()
            + ", "
            + request.format().extension()
            + ", "
            + request.locale().toLanguageTag()
            + ", "
            + Files.size(file)
            + " bytes)");
    return 0;
  }

  /** Keeps the reports of every scored period that is due and not kept yet. */
  private int archive() {
    List<Path> kept = archive.keepDue(clock.instant());
    out.printf("kept %d new reports in %s%n", kept.size(), archive.root().toAbsolutePath());
    kept.forEach(p -> out.println("  " + p));
    return 0;
  }
}
