package cn.timebank.app.stream;

import java.io.IOException;
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
  private LivePath.@Nullable Running running;

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

  @Override
  public synchronized void destroy() throws InterruptedException {
    if (running != null) {
      running.close();
      running = null;
    }
  }
}
