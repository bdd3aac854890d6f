package cn.timebank.app.ingest;

import cn.timebank.app.audit.Auditor;
import cn.timebank.app.audit.Caller;
import cn.timebank.app.cli.Command;
import cn.timebank.app.cli.CommandLine;
import cn.timebank.app.cli.Option;
import cn.timebank.ingestion.Submissions;
import cn.timebank.ingestion.batch.PackageRunException;
import cn.timebank.ingestion.receipt.Receipt;
import cn.timebank.ingestion.receipt.ReceiptJson;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * {@code ./timebank ingest PATH}: delivers a package (ZIP file or folder) and prints its receipt
 * (spec §5) as JSON. Exit 0 whenever the package was processed, whatever its status (RJCT
 * included); 1 only when the run itself failed. A run that was interrupted (the process killed)
 * resumes when the same package is ingested again. Each run is an {@code UPLOAD} in the audit
 * trail.
 */
@Component
class IngestCommand implements Command {

  private final Submissions submissions;
  private final Auditor auditor;
  private final PrintStream out = System.out;
  private final PrintStream err = System.err;

  IngestCommand(Submissions submissions, Auditor auditor) {
    this.submissions = submissions;
    this.auditor = auditor;
  }

  @Override
  public String name() {
    return "ingest";
  }

  @Override
  public String summary() {
    return "ingest a package (ZIP or folder) and print its receipt: ingest PATH";
  }

  @Override
  public String usage() {
    return "PATH";
  }

  @Override
  public int maxArguments() {
    return 1;
  }

  @Override
  public List<Option> options() {
    return List.of();
  }

  @Override
  public int run(CommandLine line) {
    Path path = Path.of(line.argument(0, "the package PATH (a ZIP file or a folder)"));
    if (!Files.exists(path)) {
      err.println("timebank ingest: no file or folder at " + path);
      return 1;
    }
    Receipt receipt;
    String name = String.valueOf(path.toAbsolutePath().normalize().getFileName());
    try {
      receipt = submissions.ingest(path);
    } catch (PackageRunException e) {
      auditor.uploadFailed(Caller.commandLine(), name, e);
      err.println("timebank ingest: " + e.getMessage());
      return 1;
    }
    auditor.upload(Caller.commandLine(), name, receipt);
    out.println(ReceiptJson.writePretty(receipt));
    return 0;
  }
}
