package cn.timebank.app.balance;

import cn.timebank.app.cli.Command;
import cn.timebank.app.cli.CommandLine;
import cn.timebank.app.cli.Option;
import cn.timebank.app.cli.UsageException;
import cn.timebank.ledger.balance.AccountBalance;
import cn.timebank.ledger.balance.Balances;
import cn.timebank.ledger.entry.Account;
import cn.timebank.ledger.entry.AccountKind;
import cn.timebank.ledger.registry.RegistryStore;
import cn.timebank.standards.hours.provider.CodePointOrder;
import cn.timebank.standards.minutes.StandardMinutes;
import cn.timebank.standards.model.BankCode;
import java.io.PrintStream;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * {@code ./timebank balances BANK}: the bank's balances as CSV {@code
 * participant_ref,balance_minutes,balance_hours}: its participants with entries, by ref (code-point
 * order), then {@code #POOL}, {@code #ISSUANCE}, {@code #CLEARING} and the hour liability {@code
 * #LIABILITY} (the sum of the positive participant balances). Positive = hours the account holds
 * (spec §6); hours with two decimals.
 */
@Component
class BalancesCommand implements Command {

  private static final List<AccountKind> BANK_ACCOUNTS =
      List.of(AccountKind.POOL, AccountKind.ISSUANCE, AccountKind.CLEARING);

  private final Balances balances;
  private final RegistryStore registry;
  private final PrintStream out = System.out;
  private final PrintStream err = System.err;

  BalancesCommand(Balances balances, RegistryStore registry) {
    this.balances = balances;
    this.registry = registry;
  }

  @Override
  public String name() {
    return "balances";
  }

  @Override
  public String summary() {
    return "a bank's balances and hour liability as CSV: balances BANK";
  }

  @Override
  public String usage() {
    return "BANK";
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
    String code = line.argument(0, "the BANK code, e.g. 310109-001");
    if (!BankCode.isValid(code)) {
      throw new UsageException("'" + code + "' is not a bank code like 310109-001");
    }
    if (registry.find(BankCode.of(code)).isEmpty()) {
      err.println("timebank balances: bank " + code + " is not registered");
      return 1;
    }
    out.println("participant_ref,balance_minutes,balance_hours");
    balances.ofBank(code).stream()
        .filter(b -> b.account().kind() == AccountKind.PARTICIPANT)
        .sorted(
            Comparator.comparing(
                (AccountBalance b) -> b.account().participantRef(), CodePointOrder.INSTANCE))
        .forEach(b -> row(csv(b.account().participantRef()), b.balance()));
    for (AccountKind kind : BANK_ACCOUNTS) {
      row("#" + kind, balances.of(code, new Account(kind, null)));
    }
    row("#LIABILITY", balances.liability(code));
    return 0;
  }

  private void row(String label, StandardMinutes balance) {
    out.println(label + "," + balance.value() + "," + balance.hoursText());
  }

  /** A ref as a CSV field: quoted when it holds a comma, a quote or a line end (RFC 4180). */
  private static String csv(String ref) {
    if (ref.contains(",") || ref.contains("\"") || ref.contains("\n") || ref.contains("\r")) {
      return "\"" + ref.replace("\"", "\"\"") + "\"";
    }
    return ref;
  }
}
