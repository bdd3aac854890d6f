package cn.timebank.app.access;

import cn.timebank.app.audit.Auditor;
import cn.timebank.app.cli.Command;
import cn.timebank.app.cli.CommandLine;
import cn.timebank.app.cli.Option;
import cn.timebank.app.cli.UsageException;
import cn.timebank.app.config.TimebankProperties;
import cn.timebank.ledger.audit.AuditAction;
import cn.timebank.standards.model.Timestamps;
import java.io.PrintStream;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * {@code ./timebank token create NAME [--days N]}: a personal access token for a user, printed once
 * (only its SHA-256 is stored); {@code token revoke TOKEN_ID}: it stops working at once.
 */
@Component
class TokenCommand implements Command {

  private final TokenStore tokens;
  private final AccessProperties properties;
  private final Auditor auditor;
  private final TimebankProperties timebank;
  private final PrintStream out = System.out;
  private final PrintStream err = System.err;

  TokenCommand(
      TokenStore tokens,
      AccessProperties properties,
      Auditor auditor,
      TimebankProperties timebank) {
    this.timebank = timebank;
    this.auditor = auditor;
    this.tokens = tokens;
    this.properties = properties;
  }

  @Override
  public String name() {
    return "token";
  }

  @Override
  public String summary() {
    return "personal access tokens: token create NAME [--days N] (shown once); token revoke ID";
  }

  @Override
  public String usage() {
    return "create NAME [--days N] | revoke TOKEN_ID";
  }

  @Override
  public int maxArguments() {
    return 2;
  }

  @Override
  public List<Option> options() {
    return List.of(
        Option.value(
            "days", "how long it lives (default timebank.security.token-days, 90; max 3660)"));
  }

  @Override
  public int run(CommandLine line) {
    String action = line.argument(0, "the action (create or revoke)");
    switch (action) {
      case "create" -> {
        String user = line.argument(1, "the user NAME");
        IssuedToken token;
        try {
          token = tokens.create(user, line.intValue("days", properties.tokenDays()));
        } catch (IllegalArgumentException e) {
          err.println("timebank token: no token was created: " + e.getMessage());
          return 1;
        }
        // the id, never the secret
        auditor.record(
            AuditAction.TOKEN_CREATE,
            token.id(),
            null,
            "user " + user + ", expires " + token.expiresAt());
        out.println(
            "token "
                + token.id()
                + " for "
                + user
                + ", expires "
                + DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                    token
                        .expiresAt()
                        .atZone(Timestamps.ZONE)
                        .toOffsetDateTime()
                        .truncatedTo(ChronoUnit.SECONDS)));
        out.println(token.secret());
        out.println(
            "  shown once: only its SHA-256 is kept. Call the API with"
                + " 'Authorization: Bearer <token>'; revoke with ./timebank token revoke "
                + token.id()
                + timebank.dataDirOption());
        return 0;
      }
      case "revoke" -> {
        String id = line.argument(1, "the TOKEN_ID");
        if (!tokens.revoke(id)) {
          err.println("timebank token: no active token " + id);
          return 1;
        }
        auditor.record(AuditAction.TOKEN_REVOKE, id, null, "revoked");
        out.println("revoked token " + id);
        return 0;
      }
      default -> throw new UsageException("unknown action '" + action + "' (create or revoke)");
    }
  }
}
