package cn.timebank.app.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.Principal;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Who asks, and from where, as the audit trail records it: the OS user and host for the command
 * line ({@code cli:user@host}), the authenticated principal (or {@code anonymous}) and the remote
 * address for HTTP ({@code http:1.2.3.4}), the drop folder for packages found there ({@code
 * inbox:FOLDER}).
 */
public record Caller(String actor, String origin) {

  /** The sender of the HTTP request this thread serves, else whoever runs this process. */
  public static Caller current() {
    RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
    if (attributes instanceof ServletRequestAttributes servlet) {
      return http(servlet.getRequest());
    }
    return commandLine();
  }

  /** Whoever runs this command-line process. */
  public static Caller commandLine() {
    String user = System.getProperty("user.name", "unknown");
    return new Caller(user, "cli:" + user + "@" + Host.NAME);
  }

  /** The sender of an HTTP request. */
  public static Caller http(HttpServletRequest request) {
    Principal principal = request.getUserPrincipal();
    String actor =
        principal == null || principal.getName() == null || principal.getName().isBlank()
            ? "anonymous"
            : principal.getName();
    return new Caller(actor, "http:" + request.getRemoteAddr());
  }

  /** The drop folder, for a package a bank copied into {@code folder}. */
  public static Caller inbox(String folder) {
    return new Caller("inbox", "inbox:" + folder);
  }

  /** The host name, looked up once (the environment's first, so no DNS query is needed). */
  private static final class Host {
    static final String NAME = lookUp();

    private static String lookUp() {
      String fromEnvironment = System.getenv("HOSTNAME");
      if (fromEnvironment != null && !fromEnvironment.isBlank()) {
        return fromEnvironment;
      }
      try {
        return InetAddress.getLocalHost().getHostName();
      } catch (UnknownHostException e) {
        return "localhost";
      }
    }
  }
}
