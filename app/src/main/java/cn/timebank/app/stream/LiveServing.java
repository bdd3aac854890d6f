package cn.timebank.app.stream;

import java.io.IOException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The live path beside {@code serve}: started on request ({@code --embedded-kafka}, or {@code
 * kafka.bootstrap-servers} naming a cluster) and stopped with the application context, so Ctrl-C
 * stops the sink, the topology and an embedded broker in that order.
 */
@Component
public class LiveServing implements DisposableBean {

  private final LivePath live;
  // volatile, so that the health check reads it without the lock that start and stop hold
  private volatile LivePath.@Nullable Running running;

  LiveServing(LivePath live) {
    this.live = live;
  }

  /** Whether {@code kafka.bootstrap-servers} names a cluster (then serve always starts it). */
  public boolean clusterConfigured() {
    return live.externalCluster().isPresent();
  }

  /** Starts the broker (unless a cluster is configured), the topology and the sink. */
  public synchronized LivePath.Running start() throws IOException {
    if (running == null) {
      running = live.start();
    }
    return running;
  }

  /** Whether the live path was started. */
  public boolean isRunning() {
    return running != null;
  }

  /** Why the started live path stopped, if it did (the topology or the database sink). */
  public Optional<String> failure() {
    LivePath.Running now = running;
    return now == null ? Optional.empty() : now.ledger().failure();
  }

  @Override
  public synchronized void destroy() throws InterruptedException {
    if (running != null) {
      running.close();
      running = null;
    }
  }
}
