package cn.timebank.app.access;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/** A user of the local store, with its password hash (bcrypt) and its scope. */
public record LocalUser(
    String name, Role role, String passwordHash, Set<String> banks, @Nullable String regionPrefix) {

  /** The caller it becomes when it authenticates with {@code credential}. */
  public Accessor as(String credential) {
    return new Accessor(name, role, banks, regionPrefix, credential);
  }
}
