package cn.timebank.app.ingest;

import cn.timebank.ingestion.Submissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The stand-in {@link Submissions} when the application defines none. An auto-configuration (listed
 * in {@code META-INF/spring/...AutoConfiguration.imports}) so that it is considered after every
 * bean of the application: the real pipeline, once wired, simply replaces it.
 */
@AutoConfiguration
public class UnavailableSubmissionsConfiguration {

  private static final Logger log =
      LoggerFactory.getLogger(UnavailableSubmissionsConfiguration.class);

  @Bean
  @ConditionalOnMissingBean(Submissions.class)
  Submissions unavailableSubmissions() {
    log.warn(
        "No Submissions pipeline is wired: ingestion is NOT available; uploads and receipt"
            + " look-ups answer 503, the drop folder leaves packages in place");
    return new UnavailableSubmissions();
  }
}
