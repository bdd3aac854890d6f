package cn.timebank.app.inbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The drop folder {@code DATA_DIR/inbox/<bank_code>/} watched while {@code ./timebank serve} runs
 * ({@code timebank.inbox.*}).
 *
 * @param enabled whether the drop folder is watched at all (default {@code true})
 * @param pollInterval the pause between two looks at the folder (default {@code 2s}); the folder is
 *     polled rather than watched through file-system events, which network and container file
 *     systems do not all deliver
 * @param stableFor how long a package must stay unchanged (size and modification time of the ZIP,
 *     or of every file of a folder) before it is taken, so that a half-copied package is never read
 *     (default {@code 5s}); it must also have been seen unchanged on two looks
 */
@ConfigurationProperties("timebank.inbox")
public record InboxProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("2s") Duration pollInterval,
    @DefaultValue("5s") Duration stableFor) {

  public InboxProperties {
    if (pollInterval.isNegative() || pollInterval.isZero()) {
      throw new IllegalArgumentException("timebank.inbox.poll-interval must be positive");
    }
    if (stableFor.isNegative()) {
      throw new IllegalArgumentException("timebank.inbox.stable-for must not be negative");
    }
  }
}
