package cn.timebank.app.access;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

/**
 * {@code Authorization: Bearer tbp_...}: a personal access token of the local store. Any other
 * bearer token is left to the JWT provider when an issuer is configured, and refused otherwise.
 */
final class TokenAuthenticationProvider implements AuthenticationProvider {

  private final TokenStore tokens;
  private final boolean jwtEnabled;

  TokenAuthenticationProvider(TokenStore tokens, boolean jwtEnabled) {
    this.tokens = tokens;
    this.jwtEnabled = jwtEnabled;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String token = ((BearerTokenAuthenticationToken) authentication).getToken();
    if (!token.startsWith(TokenStore.PREFIX) && jwtEnabled) {
      return null; // a JWT: the next provider's
    }
    return tokens
        .authenticate(token)
        .map(AccessAuthentication::new)
        .orElseThrow(() -> new InvalidBearerTokenException("token invalid, expired or revoked"));
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return BearerTokenAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
