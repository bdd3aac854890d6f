package cn.timebank.app.config;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the platform ({@code timebank.*}).
 *
 * @param dataDir where the platform keeps its database, archive and logs; {@code --data-dir DIR}
 *     sets it (default {@code ./data})
 * @param personKeySecret the secret of the cross-bank person key (HMAC-SHA256 over the ID number);
 *     the demo value must be replaced in production, through the environment variable {@code
 *     TIMEBANK_PERSON_KEY_SECRET}
 */
@ConfigurationProperties("timebank")
public record TimebankProperties(Path dataDir, String personKeySecret) {

  public TimebankProperties {
    if (dataDir == null) {
      dataDir = Path.of("data");
    }
    if (personKeySecret == null || personKeySecret.isBlank()) {
      throw new IllegalArgumentException("timebank.person-key-secret must be set");
    }
  }

  /**
   * What a command printed for the user to run next needs after {@code ./timebank ...}: {@code "
   * --data-dir DIR"}, or nothing for the default {@code ./data}.
   */
  public String dataDirOption() {
    return dataDir.toAbsolutePath().normalize().equals(Path.of("data").toAbsolutePath().normalize())
        ? ""
        : " --data-dir "
            + (dataDir.toString().matches("[\\w./:@+-]+") ? dataDir : "'" + dataDir + "'");
  }
}
