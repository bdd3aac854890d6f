package cn.timebank.app.ledger;

import cn.timebank.app.cli.Command;
import cn.timebank.app.cli.CommandLine;
import cn.timebank.app.cli.Option;
import cn.timebank.app.cli.UsageException;
import cn.timebank.ledger.registry.RegistryStore;
import cn.timebank.ledger.verify.ChainBreak;
import cn.timebank.ledger.verify.ChainVerification;
import cn.timebank.ledger.verify.LedgerVerifier;
import cn.timebank.standards.model.BankCode;
import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * {@code ./timebank verify-ledger [BANK]}: recomputes the hash chain of one bank, or of every
 * registered bank. Prints {@code OK} and exits 0 when every chain holds; otherwise names the first
 * entry that does not match (bank, {@code chain_seq}, entry id, what broke) and exits 1.
 */
@Component
class VerifyLedgerCommand implements Command {

  private final LedgerVerifier verifier;
  private final RegistryStore registry;
  private final PrintStream out = System.out;
  private final PrintStream err = System.err;

  VerifyLedgerCommand(LedgerVerifier verifier, RegistryStore registry) {
    this.verifier = verifier;
    this.registry = registry;
  }

  @Override
  public String name() {
    return "verify-ledger";
  }

  @Override
  public String summary() {
    return "recompute the ledger's hash chains: verify-ledger [BANK]";
  }

  @Override
  public String usage() {
    return "[BANK]";
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
    List<ChainVerification> results;
    if (line.positional().isEmpty()) {
      results = verifier.verifyAll();
    } else {
      String code = line.positional().get(0);
      if (!BankCode.isValid(code)) {
        throw new UsageException("'" + code + "' is not a bank code like 310109-001");
      }
      if (registry.find(BankCode.of(code)).isEmpty()) {
        err.println("timebank verify-ledger: bank " + code + " is not registered");
        return 1;
      }
      results = List.of(verifier.verify(code));
    }
    Optional<ChainBreak> broken =
        results.stream().flatMap(r -> r.firstBreak().stream()).findFirst();
    if (broken.isPresent()) {
      ChainBreak b = broken.get();
      out.printf(
          "BROKEN bank %s chain_seq %d entry id %s: %s does not match (expected %s, stored %s)%n",
          b.bankCode(),
          b.chainSeq(),
          b.entryId().isPresent() ? Long.toString(b.entryId().getAsLong()) : "-",
          describe(b.kind()),
          b.expected(),
          b.stored());
      out.printf(
          "账本哈希链断开：银行 %s 第 %d 条（分录编号 %s）的%s不符%n",
          b.bankCode(),
          b.chainSeq(),
          b.entryId().isPresent() ? Long.toString(b.entryId().getAsLong()) : "-",
          describeInChinese(b.kind()));
      return 1;
    }
    long entries = results.stream().mapToLong(ChainVerification::entriesChecked).sum();
    out.println("OK");
    out.printf("%d 家银行的账本哈希链完整，已核验 %,d 条分录%n", results.size(), entries);
    out.printf("%d bank(s), %,d entries checked%n", results.size(), entries);
    return 0;
  }

  private static String describeInChinese(ChainBreak.Kind kind) {
    return switch (kind) {
      case HASH -> "哈希值（分录字段被改动）";
      case LINK -> "与前一条分录的链接（prev_hash）";
      case SEQUENCE -> "位置（有分录被删除或插入）";
      case HEAD -> "链尾（chain_heads：链尾的分录缺失）";
    };
  }

  private static String describe(ChainBreak.Kind kind) {
    return switch (kind) {
      case HASH -> "the entry's hash (its fields were altered)";
      case LINK -> "the link to the entry before (prev_hash)";
      case SEQUENCE -> "the position (an entry was removed or inserted)";
      case HEAD -> "the chain's end (chain_heads: entries at the end are missing)";
    };
  }
}
