package cn.timebank.app.serve;

import cn.timebank.app.access.UserStore;
import cn.timebank.app.cli.Command;
import cn.timebank.app.cli.CommandLine;
import cn.timebank.app.cli.Option;
import cn.timebank.app.cli.UsageException;
import cn.timebank.app.config.TimebankProperties;
import cn.timebank.app.ingest.UnavailableSubmissions;
import cn.timebank.app.stream.LiveServing;
import cn.timebank.ingestion.Submissions;
import cn.timebank.ingestion.stream.EventTopic;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * {@code ./timebank serve [--port N]}: the REST door ({@code /api/v1/submissions}), its OpenAPI
 * description ({@code /v3/api-docs}), Actuator ({@code /actuator/health}) and the drop folder
 * {@code DATA_DIR/inbox/<bank_code>/}, until Ctrl-C. The API wants a token; without any user yet,
 * it says how to create the first admin.
 */
@Component
class ServeCommand implements Command {

  static final int DEFAULT_PORT = 8080;

  private final Environment environment;
  private final TimebankProperties properties;
  private final ObjectProvider<Submissions> submissions;
  private final ObjectProvider<UserStore> users;
  private final ObjectProvider<LiveServing> live;
  private final PrintStream out = System.out;

  /** Takes the pipeline lazily: the non-web start that checks the command line needs none. */
  ServeCommand(
      Environment environment,
      TimebankProperties properties,
      ObjectProvider<Submissions> submissions,
      ObjectProvider<UserStore> users,
      ObjectProvider<LiveServing> live) {
    this.environment = environment;
    this.properties = properties;
    this.submissions = submissions;
    this.users = users;
    this.live = live;
  }

  @Override
  public String name() {
    return "serve";
  }

  @Override
  public String summary() {
    return "the REST API, OpenAPI, Actuator and the drop folder DATA_DIR/inbox, until Ctrl-C";
  }

  @Override
  public String usage() {
    return "[--port N] [--embedded-kafka | --kafka.bootstrap-servers=HOST:PORT]";
  }

  @Override
  public int maxArguments() {
    return 0;
  }

  @Override
  public List<Option> options() {
    return List.of(
        Option.value("port", "the HTTP port (default 8080; 0 picks a free one)"),
        Option.flag(
            "embedded-kafka",
            "live submissions: an in-JVM Kafka broker, the ledger topology and the database sink"));
  }

  @Override
  public boolean web() {
    return true;
  }

  @Override
  public Map<String, String> webProperties(CommandLine line) {
    int port = line.intValue("port", DEFAULT_PORT);
    if (port < 0 || port > 65535) {
      throw new UsageException("--port must be between 0 and 65535 (was " + port + ")");
    }
    return Map.of("server.port", Integer.toString(port));
  }

  @Override
  public int run(CommandLine line) throws Exception {
    String base = "http://localhost:" + environment.getProperty("local.server.port");
    out.println("timebank: serving on " + base + "  (Ctrl-C to stop)");
    out.println("  submissions  " + base + "/api/v1/submissions");
    out.println("  OpenAPI      " + base + "/v3/api-docs");
    out.println("  health       " + base + "/actuator/health");
    out.println("  drop folder  " + properties.dataDir().resolve("inbox") + "/<bank_code>/");
    if (line.flag("embedded-kafka") || live.getObject().clusterConfigured()) {
      String servers = live.getObject().start().bootstrapServers();
      out.println(
          "  kafka        "
              + servers
              + "  (events to "
              + String.join(
                  ", ", List.of(EventTopic.values()).stream().map(EventTopic::topic).toList())
              + ")");
    }
    out.println("  API calls need 'Authorization: Bearer TOKEN' (README, Access and security)");
    if (users.getObject().all().isEmpty()) {
      firstAdminHint(
              environment.getProperty("spring.datasource.url", ""), properties.dataDirOption())
          .forEach(out::println);
    }
    if (submissions.getObject() instanceof UnavailableSubmissions) {
      out.println(
          "timebank: warning: ingestion is not available in this build;"
              + " uploads answer 503 and the drop folder leaves packages in place");
    }
    return 0;
  }

  /**
   * How to create the first admin. An embedded H2 file database without {@code AUTO_SERVER=TRUE}
   * (the application's default has it) is locked by the server while it runs, so the commands can
   * only run once it is stopped. The commands name the server's data dir unless it is the default.
   */
  static List<String> firstAdminHint(String datasourceUrl, String dataDirOption) {
    boolean locked =
        datasourceUrl.startsWith("jdbc:h2:file:")
            && !datasourceUrl.toUpperCase(Locale.ROOT).contains(";AUTO_SERVER=TRUE");
    String when =
        locked
            ? "stop the server (its embedded database is locked while it runs), then create"
            : "create";
    return List.of(
        "timebank: no users yet; " + when + " the first admin and its token:",
        "  ./timebank users add admin --role ADMIN"
            + dataDirOption
            + "   (the password on standard input)",
        "  ./timebank token create admin" + dataDirOption);
  }
}
