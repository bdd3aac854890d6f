package cn.timebank.ingestion.batch;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Who runs a package's job: {@code pid@host}. A runner on this host is alive while its process is
 * (and is not this process: within one process a job runs synchronously, so an execution still
 * marked running is a leftover); a runner on another host is taken as alive.
 */
public class Runners {

  private final String host;

  public Runners() {
    this.host = hostName();
  }

  public String self() {
    return ProcessHandle.current().pid() + "@" + host;
  }

  public boolean isAlive(String runner) {
    int at = runner.indexOf('@');
    if (at < 0 || !runner.substring(at + 1).equals(host)) {
      return at >= 0;
    }
    long pid;
    try {
      pid = Long.parseLong(runner.substring(0, at));
    } catch (NumberFormatException e) {
      return false;
    }
    if (pid == ProcessHandle.current().pid()) {
      return false;
    }
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }
}
