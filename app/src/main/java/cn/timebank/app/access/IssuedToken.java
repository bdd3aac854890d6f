package cn.timebank.app.access;

import java.time.Instant;

/**
 * A personal access token just created: the only moment its secret exists outside the caller's
 * hands; the store keeps its SHA-256 only.
 *
 * @param id the token's id, for {@code ./timebank token revoke ID}
 * @param secret the token, {@code tbp_} and 43 base64url characters (32 random bytes)
 * @param expiresAt when it stops working
 */
public record IssuedToken(String id, String user, String secret, Instant expiresAt) {}
