package cn.timebank.app.audit;

import cn.timebank.app.cli.Command;
import cn.timebank.app.cli.CommandLine;
import cn.timebank.app.cli.Option;
import cn.timebank.app.cli.UsageException;
import cn.timebank.ledger.audit.AuditEvent;
import cn.timebank.ledger.audit.AuditTrail;
import cn.timebank.ledger.audit.AuditVerification;
import cn.timebank.ledger.audit.StoredAuditEvent;
import cn.timebank.reporting.FormulaText;
import cn.timebank.standards.model.BankCode;
import java.io.PrintStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * {@code ./timebank audit --since 2026-11-01[T10:00] [--bank B]}: the audit events recorded since
 * then (Asia/Shanghai time; every bank's and those of no bank, or one bank's), as CSV {@code
 * at,actor,origin,action,target,bank,detail,chain_hash}, after recomputing the trail's whole hash
 * chain. Exit 0 when the chain holds; 1 when it does not, naming the first event that does not
 * match on standard error (the events are still listed).
 */
@Component
class AuditCommand implements Command {

  static final String HEADER = "at,actor,origin,action,target,bank,detail,chain_hash";
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  private final AuditTrail trail;
  private final PrintStream out = System.out;
  private final PrintStream err = System.err;

  AuditCommand(AuditTrail trail) {
    this.trail = trail;
  }

  @Override
  public String name() {
    return "audit";
  }

  @Override
  public String summary() {
    return "the audit trail as CSV, its chain verified: audit --since DATE[THH:MM] [--bank B]";
  }

  @Override
  public String usage() {
    return "--since YYYY-MM-DD[THH:MM] [--bank BANK]";
  }

  @Override
  public int maxArguments() {
    return 0;
  }

  @Override
  public List<Option> options() {
    return List.of(
        Option.value("since", "first day (or minute), Asia/Shanghai time, e.g. 2026-11-01T10:00"),
        Option.value("bank", "only this bank's events"));
  }

  @Override
  public int run(CommandLine line) {
    Instant since = since(line.required("since"));
    Optional<String> bank = line.value("bank");
    if (bank.isPresent() && !BankCode.isValid(bank.get())) {
      throw new UsageException("'" + bank.get() + "' is not a bank code like 310109-001");
    }
    out.println(HEADER);
    for (StoredAuditEvent stored : trail.since(since, bank)) {
      out.println(csv(stored));
    }
    AuditVerification verification = trail.verify();
    if (!verification.ok()) {
      err.println(
          "timebank audit: the audit trail's chain is BROKEN at "
              + verification.firstBreak().orElseThrow());
      return 1;
    }
    return 0;
  }

  static Instant since(String text) {
    try {
      LocalDateTime local =
          text.contains("T") ? LocalDateTime.parse(text) : LocalDate.parse(text).atStartOfDay();
      return local.atZone(SHANGHAI).toInstant();
    } catch (DateTimeParseException e) {
      throw new UsageException("--since '" + text + "' is not YYYY-MM-DD or YYYY-MM-DDTHH:MM");
    }
  }

  static String csv(StoredAuditEvent stored) {
    AuditEvent e = stored.event();
    return String.join(
        ",",
        e.at().atZone(SHANGHAI).toOffsetDateTime().toString(),
        cell(e.actor()),
        cell(e.origin()),
        e.action().name(),
        cell(e.target()),
        cell(e.bankCode()),
        cell(e.detail()),
        stored.eventHash());
  }

  /** RFC 4180 quoting, formula-like text neutralised. */
  private static String cell(@Nullable String value) {
    if (value == null || value.isEmpty()) {
      return "";
    }
    String cell = FormulaText.neutralise(value);
    if (cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0) {
      return '"' + cell.replace("\"", "\"\"") + '"';
    }
    return cell;
  }
}
