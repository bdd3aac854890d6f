package cn.timebank.app.access;

import static org.assertj.core.api.Assertions.assertThat;

import cn.timebank.app.cli.CommandLauncher;
import cn.timebank.app.support.CommandRun;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/** {@code ./timebank users ...} and {@code token ...} as a user runs them, and what they store. */
class UsersAndTokenCommandsTests {

  static final String PASSWORD = "correct horse battery";

  @TempDir Path dataDir;

  private int run(String stdin, String... args) {
    InputStream original = System.in;
    System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
    try {
      return commands.run(args);
    } finally {
      System.setIn(original);
    }
  }

  private CommandRun commands;

  @Test
  void addsAUserWithThePasswordFromStandardInputStoredAsABcryptHash() throws Exception {
    commands = new CommandRun(dataDir);

    int code =
        run(
            PASSWORD + "\n",
            "users",
            "add",
            "op",
            "--role",
            "bank_operator",
            "--bank",
            "310115-002",
            "--bank",
            "310109-001");

    assertThat(code).as(commands.err()).isEqualTo(CommandLauncher.OK);
    assertThat(commands.out())
        .contains("added op  BANK_OPERATOR  banks 310109-001,310115-002")
        .contains("bank 310109-001 is not in the registry")
        .contains("./timebank token create op");
    assertThat(run("", "users", "list")).isZero();
    assertThat(commands.out()).contains("op  BANK_OPERATOR  banks 310109-001,310115-002");

    List<String> row = row("select * from tb_users where user_name = 'op'");
    String hash = row("select password_hash from tb_users where user_name = 'op'").get(0);
    assertThat(String.join("|", row)).doesNotContain(PASSWORD);
    assertThat(hash).startsWith("$2");
    assertThat(new BCryptPasswordEncoder().matches(PASSWORD, hash)).isTrue();
    assertThat(rows("select bank_code from tb_user_banks where user_name = 'op'"))
        .containsExactlyInAnyOrder("310109-001", "310115-002");
  }

  @Test
  void refusesAScopeThatDoesNotFitTheRoleAMissingPasswordAndATakenName() {
    commands = new CommandRun(dataDir);

    assertThat(run(PASSWORD + "\n", "users", "add", "rev", "--role", "CIVIL_AFFAIRS_REVIEWER"))
        .isEqualTo(CommandLauncher.FAILED);
    assertThat(commands.err()).contains("needs a --region prefix");
    assertThat(run(PASSWORD + "\n", "users", "add", "pol", "--role", "POLICYMAKER", "--bank", "x"))
        .isEqualTo(CommandLauncher.FAILED);
    assertThat(run("", "users", "add", "adm", "--role", "ADMIN")).isEqualTo(CommandLauncher.USAGE);
    assertThat(commands.err()).contains("no password on standard input");
    assertThat(run("short\n", "users", "add", "adm", "--role", "ADMIN"))
        .isEqualTo(CommandLauncher.FAILED);
    assertThat(commands.err()).contains("at least 8 characters");
    assertThat(run(PASSWORD + "\n", "users", "add", "adm", "--role", "KING"))
        .isEqualTo(CommandLauncher.USAGE);
    assertThat(run(PASSWORD + "\n", "users", "add", "adm", "--role", "ADMIN")).isZero();
    assertThat(run(PASSWORD + "\n", "users", "add", "adm", "--role", "ADMIN"))
        .isEqualTo(CommandLauncher.FAILED);
    assertThat(commands.err()).contains("exists already");
  }

  @Test
  void createsATokenShownOnceAndStoredAsItsSha256Only() throws Exception {
    commands = new CommandRun(dataDir);
    assertThat(run(PASSWORD + "\n", "users", "add", "adm", "--role", "ADMIN")).isZero();

    assertThat(run("", "token", "create", "adm", "--days", "7")).isZero();
    String first = tokenIn(commands.out());
    assertThat(commands.out()).contains("shown once").contains("expires");
    assertThat(commands.out())
        .as("to the second, in Beijing time, as the rest of the platform prints times")
        .containsPattern("expires \\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\+08:00\n");
    assertThat(run("", "token", "create", "adm")).isZero();
    String second = tokenIn(commands.out());

    assertThat(first).matches("tbp_[A-Za-z0-9_-]{43}");
    assertThat(second).isNotEqualTo(first);
    String stored = String.join("|", rows("select * from tb_tokens"));
    assertThat(stored)
        .doesNotContain(first)
        .doesNotContain(first.substring(4))
        .doesNotContain(second.substring(4))
        .contains(TokenStore.hash(first));
    assertThat(rows("select token_hash from tb_tokens"))
        .containsExactlyInAnyOrder(TokenStore.hash(first), TokenStore.hash(second));
    List<String> times =
        row(
            "select created_at, expires_at from tb_tokens where token_hash = '"
                + TokenStore.hash(first)
                + "'");
    assertThat(
            java.time.Duration.between(
                java.sql.Timestamp.valueOf(times.get(0)).toInstant(),
                java.sql.Timestamp.valueOf(times.get(1)).toInstant()))
        .isEqualTo(java.time.Duration.ofDays(7));

    assertThat(run("", "token", "create", "nobody")).isEqualTo(CommandLauncher.FAILED);
    assertThat(commands.err()).contains("no user 'nobody'");
    assertThat(run("", "token", "create", "adm", "--days", "0")).isEqualTo(CommandLauncher.FAILED);
  }

  @Test
  void revokesATokenByItsIdOnce() throws Exception {
    commands = new CommandRun(dataDir);
    assertThat(run(PASSWORD + "\n", "users", "add", "adm", "--role", "ADMIN")).isZero();
    assertThat(run("", "token", "create", "adm")).isZero();
    String id =
        commands.out().lines().filter(l -> l.startsWith("token ")).findFirst().orElseThrow();
    id = id.split(" ")[1];

    assertThat(run("", "token", "revoke", id)).as(commands.out() + commands.err()).isZero();
    assertThat(commands.out()).contains("revoked token " + id);
    assertThat(row("select revoked_at from tb_tokens where token_id = '" + id + "'").get(0))
        .isNotNull();
    assertThat(run("", "token", "revoke", id)).isEqualTo(CommandLauncher.FAILED);
    assertThat(run("", "token", "revoke", "nope")).isEqualTo(CommandLauncher.FAILED);

    assertThat(rows("select action_name, target from audit_events order by seq"))
        .as("user and token changes in the audit trail, by id (the failed revokes not)")
        .containsExactly("USER_ADD", "adm", "TOKEN_CREATE", id, "TOKEN_REVOKE", id);
    assertThat(String.join(" ", rows("select detail from audit_events"))).doesNotContain("tbp_");
  }

  private static String tokenIn(String out) {
    List<String> tokens = out.lines().filter(l -> l.startsWith("tbp_")).toList();
    assertThat(tokens).hasSize(1);
    assertThat(out.indexOf(tokens.get(0))).isEqualTo(out.lastIndexOf(tokens.get(0)));
    return tokens.get(0);
  }

  private List<String> row(String sql) throws Exception {
    try (Connection db = database();
        ResultSet rs = db.createStatement().executeQuery(sql)) {
      assertThat(rs.next()).isTrue();
      List<String> values = new ArrayList<>();
      for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
        values.add(rs.getString(i));
      }
      return values;
    }
  }

  /** Every value of every row, one string per value. */
  private List<String> rows(String sql) throws Exception {
    try (Connection db = database();
        ResultSet rs = db.createStatement().executeQuery(sql)) {
      List<String> values = new ArrayList<>();
      while (rs.next()) {
        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
          values.add(rs.getString(i));
        }
      }
      return values;
    }
  }

  private Connection database() throws Exception {
    return DriverManager.getConnection(
        "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("db/timebank"), "sa", "");
  }
}
