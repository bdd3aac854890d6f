package cn.timebank.ingestion;

import java.util.concurrent.ThreadFactory;

/** Threads that do not keep the JVM alive: the helpers of the live path and of a package's hold. */
public final class DaemonThreads {

  private DaemonThreads() {}

  /** Daemon threads named {@code name} (one executor, one thread: the name says which). */
  public static ThreadFactory named(String name) {
    return task -> {
      Thread thread = new Thread(task, name);
      thread.setDaemon(true);
      return thread;
    };
  }
}
