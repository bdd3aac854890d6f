package cn.timebank.app.access;

import java.util.List;
import java.util.Set;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/**
 * Turns a JWT of the configured issuer into an {@link Accessor}. Claims:
 *
 * <ul>
 *   <li>{@value #ROLE}: one of the {@link Role}s (required)
 *   <li>{@value #BANKS}: the bank codes of a {@code BANK_OPERATOR} (array of strings)
 *   <li>{@value #REGION}: the region-code prefix of a {@code CIVIL_AFFAIRS_REVIEWER}
 *   <li>{@code preferred_username}, else {@code sub}: the name; {@code sub} keys the rate limit
 * </ul>
 *
 * A token whose claims do not make a valid caller is refused with 401, like an invalid one.
 */
final class JwtAccessConverter implements Converter<Jwt, AbstractAuthenticationToken> {

  static final String ROLE = "timebank_role";
  static final String BANKS = "timebank_banks";
  static final String REGION = "timebank_region";

  @Override
  public AbstractAuthenticationToken convert(Jwt jwt) {
    try {
      String role = jwt.getClaimAsString(ROLE);
      if (role == null) {
        throw new IllegalArgumentException("no " + ROLE + " claim");
      }
      List<String> banks = jwt.hasClaim(BANKS) ? jwt.getClaimAsStringList(BANKS) : List.of();
      String name = jwt.getClaimAsString("preferred_username");
      String subject = jwt.getSubject() == null ? "" : jwt.getSubject();
      Accessor accessor =
          new Accessor(
              name == null ? subject : name,
              Role.parse(role),
              Set.copyOf(banks),
              jwt.getClaimAsString(REGION),
              "jwt:" + subject);
      return new AccessAuthentication(accessor);
    } catch (RuntimeException e) {
      throw new InvalidBearerTokenException("the token's claims are not a valid caller");
    }
  }
}
