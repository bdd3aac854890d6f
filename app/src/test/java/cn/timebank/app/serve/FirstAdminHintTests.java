package cn.timebank.app.serve;

import static org.assertj.core.api.Assertions.assertThat;

import cn.timebank.app.config.TimebankProperties;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class FirstAdminHintTests {

  @Test
  void asksToStopTheServerFirstWhenTheEmbeddedH2FileIsNotShared() {
    assertThat(
            ServeCommand.firstAdminHint(
                "jdbc:h2:file:/tmp/tb/db/timebank;QUERY_CACHE_SIZE=200", ""))
        .first()
        .asString()
        .startsWith("timebank: no users yet; stop the server")
        .contains("locked");
  }

  @Test
  void justSaysHowOnTheDefaultEmbeddedDatabaseWhichOtherProcessesShare() {
    assertThat(
            ServeCommand.firstAdminHint(
                "jdbc:h2:file:/tmp/tb/db/timebank;QUERY_CACHE_SIZE=200;AUTO_SERVER=TRUE", ""))
        .first()
        .asString()
        .isEqualTo("timebank: no users yet; create the first admin and its token:");
  }

  @Test
  void justSaysHowWhenTheDatabaseIsAServer() {
    assertThat(ServeCommand.firstAdminHint("jdbc:postgresql://127.0.0.1:5432/test", ""))
        .containsExactly(
            "timebank: no users yet; create the first admin and its token:",
            "  ./timebank users add admin --role ADMIN   (the password on standard input)",
            "  ./timebank token create admin");
  }

  @Test
  void namesTheServersDataDirWhenItIsNotTheDefault() {
    String option = new TimebankProperties(Path.of("/tmp/tb"), "secret").dataDirOption();

    assertThat(ServeCommand.firstAdminHint("jdbc:postgresql://127.0.0.1:5432/test", option))
        .containsExactly(
            "timebank: no users yet; create the first admin and its token:",
            "  ./timebank users add admin --role ADMIN --data-dir /tmp/tb"
                + "   (the password on standard input)",
            "  ./timebank token create admin --data-dir /tmp/tb");
    assertThat(new TimebankProperties(Path.of("data"), "secret").dataDirOption()).isEmpty();
    assertThat(new TimebankProperties(Path.of("/tmp/my tb"), "secret").dataDirOption())
        .isEqualTo(" --data-dir '/tmp/my tb'");
    assertThat(new TimebankProperties(Path.of("data").toAbsolutePath(), "secret").dataDirOption())
        .isEmpty();
  }
}
