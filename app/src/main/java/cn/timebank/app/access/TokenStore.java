package cn.timebank.app.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Personal access tokens for banks' systems (table {@code tb_tokens}): random, shown once, stored
 * as their SHA-256, expiring, revocable. A token acts as its user: the user's role and scope are
 * read at every request, so a change of the user applies to its tokens at once.
 */
@Component
public class TokenStore {

  /** What every token starts with, so that it is recognised (and found by secret scanners). */
  public static final String PREFIX = "tbp_";

  private static final int SECRET_BYTES = 32;
  private static final int MAX_DAYS = 3660;

  private final JdbcClient jdbc;
  private final UserStore users;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  public TokenStore(JdbcClient jdbc, UserStore users, Clock clock) {
    this.jdbc = jdbc;
    this.users = users;
    this.clock = clock;
  }

  /**
   * Creates a token for the user, valid for {@code days} days.
   *
   * @throws IllegalArgumentException unknown user or days out of 1..3660
   */
  public IssuedToken create(String user, int days) {
    if (days < 1 || days > MAX_DAYS) {
      throw new IllegalArgumentException("--days must be between 1 and " + MAX_DAYS);
    }
    if (users.find(user).isEmpty()) {
      throw new IllegalArgumentException("no user '" + user + "' (add it with users add)");
    }
    byte[] secretBytes = new byte[SECRET_BYTES];
    random.nextBytes(secretBytes);
    String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secretBytes);
    byte[] idBytes = new byte[6];
    random.nextBytes(idBytes);
    String id = HexFormat.of().formatHex(idBytes);
    Instant now = clock.instant();
    Instant expires = now.plus(Duration.ofDays(days));
    jdbc.sql(
            "insert into tb_tokens (token_id, user_name, token_hash, created_at, expires_at)"
                + " values (?, ?, ?, ?, ?)")
        .params(id, user, hash(secret), Timestamp.from(now), Timestamp.from(expires))
        .update();
    return new IssuedToken(id, user, secret, expires);
  }

  /** Revokes a token by its id; false when there is no such token or it was revoked already. */
  public boolean revoke(String id) {
    return jdbc.sql("update tb_tokens set revoked_at = ? where token_id = ? and revoked_at is null")
            .params(Timestamp.from(clock.instant()), id)
            .update()
        == 1;
  }

  /**
   * The caller a token stands for: its user with the credential {@code token:ID}; empty when the
   * token is unknown, expired or revoked, or its user is gone.
   */
  public Optional<Accessor> authenticate(String secret) {
    if (!secret.startsWith(PREFIX)) {
      return Optional.empty();
    }
    return jdbc.sql(
            "select token_id, user_name from tb_tokens where token_hash = ?"
                + " and revoked_at is null and expires_at > ?")
        .params(hash(secret), Timestamp.from(clock.instant()))
        .query((rs, n) -> new String[] {rs.getString("token_id"), rs.getString("user_name")})
        .optional()
        .flatMap(row -> users.find(row[1]).map(u -> u.as("token:" + row[0])));
  }

  /** The SHA-256 of a token, hex: what the table keeps. */
  static String hash(String secret) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
