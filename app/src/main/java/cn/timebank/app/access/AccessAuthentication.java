package cn.timebank.app.access;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** An authenticated {@link Accessor}: its role as the one authority, no credentials kept. */
public final class AccessAuthentication extends AbstractAuthenticationToken {

  private final Accessor accessor;

  public AccessAuthentication(Accessor accessor) {
    super(List.of(new SimpleGrantedAuthority(accessor.role().authority())));
    this.accessor = accessor;
    setAuthenticated(true);
  }

  @Override
  public Object getCredentials() {
    return "";
  }

  @Override
  public Accessor getPrincipal() {
    return accessor;
  }

  @Override
  public String getName() {
    return accessor.name();
  }
}
