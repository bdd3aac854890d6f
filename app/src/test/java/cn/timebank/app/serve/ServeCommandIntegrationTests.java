package cn.timebank.app.serve;

import static org.assertj.core.api.Assertions.assertThat;

import cn.timebank.app.TimebankApplication;
import cn.timebank.app.cli.CommandLauncher;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./timebank serve} through the launcher: a real port, the inbox, a clean stop. */
class ServeCommandIntegrationTests {

  @TempDir Path dataDir;

  @Test
  void servesUntilStoppedAndCreatesTheInbox() throws Exception {
    int port = freePort();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    CommandLauncher launcher =
        new CommandLauncher(
            TimebankApplication.class,
            System.out,
            new PrintStream(err, true, StandardCharsets.UTF_8));
    AtomicInteger exit = new AtomicInteger(-1);
    Thread serving =
        new Thread(
            () ->
                exit.set(
                    launcher.launch(
                        new String[] {
                          "serve",
                          "--port",
                          Integer.toString(port),
                          "--data-dir",
                          dataDir.toString()
                        })));
    serving.start();

    assertThat(awaitHealth(port)).isEqualTo(200);
    assertThat(serving.isAlive()).isTrue();
    awaitInbox();

    serving.interrupt();
    serving.join(30_000);
    assertThat(serving.isAlive()).isFalse();
    assertThat(exit.get()).isEqualTo(CommandLauncher.OK);
    assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  private static int awaitHealth(int port) throws InterruptedException {
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest health =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health")).build();
    Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
    int status = -1;
    while (Instant.now().isBefore(deadline)) {
      try {
        status = http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode();
        if (status == 200) {
          return status;
        }
      } catch (IOException notYet) {
        // the port is not open yet
      }
      Thread.sleep(250); // 503 while the application is still starting (readiness)
    }
    return status;
  }

  private void awaitInbox() throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
    while (!dataDir.resolve("inbox").toFile().isDirectory() && Instant.now().isBefore(deadline)) {
      Thread.sleep(100);
    }
    assertThat(dataDir.resolve("inbox")).isDirectory();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
