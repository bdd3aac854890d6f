package cn.timebank.app.access;

import cn.timebank.app.audit.Auditor;
import cn.timebank.app.cli.Command;
import cn.timebank.app.cli.CommandLine;
import cn.timebank.app.cli.Option;
import cn.timebank.app.cli.UsageException;
import cn.timebank.app.config.TimebankProperties;
import cn.timebank.ledger.audit.AuditAction;
import cn.timebank.ledger.registry.RegistryStore;
import cn.timebank.standards.model.BankCode;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * {@code ./timebank users add NAME --role ROLE [--bank CODE]... [--region PREFIX]}: adds a local
 * user; the password is read from standard input (without echo on a terminal), stored as a bcrypt
 * hash. {@code users list}: the users and their scope.
 */
@Component
class UsersCommand implements Command {

  private final UserStore users;
  private final RegistryStore registry;
  private final Auditor auditor;
  private final TimebankProperties properties;
  private final PrintStream out = System.out;
  private final PrintStream err = System.err;

  UsersCommand(
      UserStore users, RegistryStore registry, Auditor auditor, TimebankProperties properties) {
    this.properties = properties;
    this.auditor = auditor;
    this.users = users;
    this.registry = registry;
  }

  @Override
  public String name() {
    return "users";
  }

  @Override
  public String summary() {
    return "local users of the API: users add NAME --role ROLE [--bank CODE]... [--region P]; list";
  }

  @Override
  public String usage() {
    return "add NAME --role ROLE [--bank CODE]... [--region PREFIX]  (password on standard input)"
        + " | list";
  }

  @Override
  public int maxArguments() {
    return 2;
  }

  @Override
  public List<Option> options() {
    return List.of(
        Option.value("role", "BANK_OPERATOR, CIVIL_AFFAIRS_REVIEWER, POLICYMAKER or ADMIN"),
        Option.value("bank", "a bank code of a BANK_OPERATOR (repeat for several)"),
        Option.value("region", "the region-code prefix of a CIVIL_AFFAIRS_REVIEWER, e.g. 3101"));
  }

  @Override
  public int run(CommandLine line) throws IOException {
    String action = line.argument(0, "the action (add or list)");
    if (action.equals("list")) {
      users.all().forEach(u -> out.println(describe(u)));
      return 0;
    }
    if (!action.equals("add")) {
      throw new UsageException("unknown action '" + action + "' (add or list)");
    }
    String name = line.argument(1, "the user NAME");
    Role role;
    try {
      role = Role.parse(line.required("role"));
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    Set<String> banks = new LinkedHashSet<>(line.values("bank"));
    String region = line.value("region").orElse(null);
    String password = readPassword();
    LocalUser added;
    try {
      added = users.add(name, role, banks, region, password);
    } catch (IllegalArgumentException e) {
      err.println("timebank users: the user was not added: " + e.getMessage());
      return 1;
    }
    auditor.record(
        AuditAction.USER_ADD,
        added.name(),
        added.banks().size() == 1 ? added.banks().iterator().next() : null,
        describe(added));
    out.println("added " + describe(added));
    for (String bank : added.banks()) {
      if (registry.find(BankCode.of(bank)).isEmpty()) {
        out.println("  note: bank " + bank + " is not in the registry (yet)");
      }
    }
    out.println(
        "  create its API token with: ./timebank token create "
            + added.name()
            + properties.dataDirOption());
    return 0;
  }

  static String describe(LocalUser user) {
    StringBuilder text = new StringBuilder(user.name() + "  " + user.role());
    if (!user.banks().isEmpty()) {
      text.append("  banks ").append(String.join(",", new java.util.TreeSet<>(user.banks())));
    }
    if (user.regionPrefix() != null) {
      text.append("  region ").append(user.regionPrefix()).append("*");
    }
    return text.toString();
  }

  /** The first line of standard input; on a terminal, asked for without echo. */
  private String readPassword() throws IOException {
    Console console = System.console();
    if (console != null && System.in.available() == 0) {
      char[] typed = console.readPassword("password for the new user: ");
      return typed == null ? "" : new String(typed);
    }
    String first =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    if (first == null || first.isEmpty()) {
      throw new UsageException("no password on standard input (e.g. echo PASSWORD | ...)");
    }
    return first;
  }
}
