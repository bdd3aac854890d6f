package cn.timebank.app.access;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/**
 * HTTP Basic with a local user's name and password (bcrypt), for people trying the API with {@code
 * curl -u}; banks' systems use tokens. The rate limit counts per user here.
 */
final class PasswordAuthenticationProvider implements AuthenticationProvider {

  private final UserStore users;

  PasswordAuthenticationProvider(UserStore users) {
    this.users = users;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String name = authentication.getName();
    Object password = authentication.getCredentials();
    return users
        .check(name, password == null ? "" : password.toString())
        .map(u -> new AccessAuthentication(u.as("user:" + u.name())))
        .orElseThrow(() -> new BadCredentialsException("bad user name or password"));
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
