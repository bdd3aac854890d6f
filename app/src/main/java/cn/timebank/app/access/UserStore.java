package cn.timebank.app.access;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The local users (table {@code tb_users}): added by {@code ./timebank users add}. */
@Component
public class UserStore {

  private final JdbcClient jdbc;
  private final PasswordEncoder passwords;
  private final Clock clock;

  public UserStore(JdbcClient jdbc, PasswordEncoder passwords, Clock clock) {
    this.jdbc = jdbc;
    this.passwords = passwords;
    this.clock = clock;
  }

  /**
   * Adds a user; its scope is checked first ({@link Accessor}), the password is stored as a bcrypt
   * hash only.
   *
   * @throws IllegalArgumentException the scope does not fit the role, the password is too short or
   *     the name is taken
   */
  @Transactional
  public LocalUser add(
      String name, Role role, Set<String> banks, String regionPrefix, String password) {
    new Accessor(name, role, banks, regionPrefix, "new"); // checks name, role and scope
    if (!name.matches("[A-Za-z0-9._@-]{1,64}")) {
      throw new IllegalArgumentException(
          "a user name is 1-64 letters, digits or . _ @ - (was '" + name + "')");
    }
    if (password.length() < 8) {
      throw new IllegalArgumentException("the password needs at least 8 characters");
    }
    if (find(name).isPresent()) {
      throw new IllegalArgumentException("user '" + name + "' exists already");
    }
    String hash = passwords.encode(password);
    jdbc.sql(
            "insert into tb_users (user_name, role_name, password_hash, region_prefix, created_at)"
                + " values (?, ?, ?, ?, ?)")
        .params(name, role.name(), hash, regionPrefix, Timestamp.from(clock.instant()))
        .update();
    for (String bank : new TreeSet<>(banks)) {
      jdbc.sql("insert into tb_user_banks (user_name, bank_code) values (?, ?)")
          .params(name, bank)
          .update();
    }
    return new LocalUser(name, role, hash, banks, regionPrefix);
  }

  public Optional<LocalUser> find(String name) {
    return jdbc.sql(
            "select user_name, role_name, password_hash, region_prefix from tb_users"
                + " where user_name = ?")
        .param(name)
        .query(
            (rs, n) ->
                new LocalUser(
                    rs.getString("user_name"),
                    Role.valueOf(rs.getString("role_name")),
                    rs.getString("password_hash"),
                    Set.of(),
                    rs.getString("region_prefix")))
        .optional()
        .map(
            u ->
                new LocalUser(
                    u.name(), u.role(), u.passwordHash(), banksOf(u.name()), u.regionPrefix()));
  }

  public List<LocalUser> all() {
    return jdbc
        .sql("select user_name from tb_users order by user_name")
        .query(String.class)
        .list()
        .stream()
        .map(n -> find(n).orElseThrow())
        .toList();
  }

  /** Whether {@code password} is the user's; the user when it is. */
  public Optional<LocalUser> check(String name, String password) {
    return find(name).filter(u -> passwords.matches(password, u.passwordHash()));
  }

  private Set<String> banksOf(String name) {
    return Set.copyOf(
        jdbc.sql("select bank_code from tb_user_banks where user_name = ?")
            .param(name)
            .query(String.class)
            .list());
  }
}
