package cn.timebank.app.inbox;

import cn.timebank.app.audit.Auditor;
import cn.timebank.app.ingest.IngestionUnavailableException;
import cn.timebank.ingestion.Submissions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Looks into {@code DATA_DIR/inbox/} every {@code timebank.inbox.poll-interval} and delivers each
 * package that has stopped changing. One look at a time (a fixed delay, one scheduler thread).
 */
public class InboxPoller {

  private static final Logger log = LoggerFactory.getLogger(InboxPoller.class);

  private final Path inbox;
  private final Clock clock;
  private final InboxScanner scanner = new InboxScanner();
  private final StabilityWatch watch;
  private final InboxDelivery delivery;
  private final Set<Arrival> stuck = new HashSet<>();
  private final Set<Path> straysWarned = new HashSet<>();
  private boolean unavailableLogged;

  public InboxPoller(
      Path inbox,
      InboxProperties properties,
      Submissions submissions,
      Auditor auditor,
      Clock clock) {
    this.inbox = inbox;
    this.clock = clock;
    this.watch = new StabilityWatch(properties.stableFor());
    this.delivery = new InboxDelivery(submissions, auditor);
  }

  /** One look: returns the packages delivered (moved to {@code done/} or {@code failed/}). */
  @Scheduled(fixedDelayString = "${timebank.inbox.poll-interval:2s}")
  public List<Path> poll() {
    try {
      Files.createDirectories(inbox);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the drop folder " + inbox, e);
    }
    warnOfStrays();
    List<Arrival> ready = watch.ready(scanner.scan(inbox), clock.instant());
    List<Path> delivered = new ArrayList<>();
    for (Arrival arrival : ready) {
      if (stuck.contains(arrival)) {
        continue;
      }
      try {
        delivered.add(delivery.deliver(arrival));
        watch.forget(arrival.path());
      } catch (IngestionUnavailableException e) {
        if (!unavailableLogged) {
          log.warn("drop folder: ingestion is not available; packages stay in {}", inbox);
          unavailableLogged = true;
        }
        break;
      } catch (IOException | UncheckedIOException e) {
        log.error("drop folder: cannot move {} aside; left until it changes", arrival.path(), e);
        stuck.add(arrival);
      }
    }
    return delivered;
  }

  /** Says once of each file that the drop folder will never take, while it stays there. */
  private void warnOfStrays() {
    List<Path> strays = scanner.strays(inbox);
    straysWarned.retainAll(strays);
    for (Path stray : strays) {
      if (straysWarned.add(stray)) {
        log.warn(
            "drop folder: {} is left where it is: only a package ZIP or a package folder in a"
                + " bank's folder (inbox/<bank_code>/) is delivered",
            stray);
      }
    }
  }
}
