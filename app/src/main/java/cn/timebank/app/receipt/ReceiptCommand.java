package cn.timebank.app.receipt;

import cn.timebank.app.cli.Command;
import cn.timebank.app.cli.CommandLine;
import cn.timebank.app.cli.Option;
import cn.timebank.ingestion.Submissions;
import cn.timebank.ingestion.receipt.Receipt;
import cn.timebank.ingestion.receipt.ReceiptJson;
import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** {@code ./timebank receipt PACKAGE_ID}: prints a stored receipt as JSON (exit 1 if unknown). */
@Component
class ReceiptCommand implements Command {

  private final Submissions submissions;
  private final PrintStream out = System.out;
  private final PrintStream err = System.err;

  ReceiptCommand(Submissions submissions) {
    this.submissions = submissions;
  }

  @Override
  public String name() {
    return "receipt";
  }

  @Override
  public String summary() {
    return "print the stored receipt of a package: receipt PACKAGE_ID";
  }

  @Override
  public String usage() {
    return "PACKAGE_ID";
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
    String packageId = line.argument(0, "the PACKAGE_ID (as its receipt's package_id shows it)");
    Optional<Receipt> receipt = submissions.receipt(packageId);
    if (receipt.isEmpty()) {
      err.println("timebank receipt: no package with id '" + packageId + "' was received");
      return 1;
    }
    out.println(ReceiptJson.writePretty(receipt.get()));
    return 0;
  }
}
