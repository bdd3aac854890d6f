package cn.timebank.app.api.submission;

import cn.timebank.app.config.TimebankProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.servlet.autoconfigure.MultipartAutoConfiguration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * What a {@code @WebMvcTest} of the submissions API needs besides the controller: the upload store
 * with its settings (multipart limits, the data directory, here a temporary one).
 */
@TestConfiguration(proxyBeanMethods = false)
@Import(UploadStore.class)
@ImportAutoConfiguration(MultipartAutoConfiguration.class)
@EnableConfigurationProperties(TimebankProperties.class)
class SubmissionSlice {

  static void dataDir(DynamicPropertyRegistry registry) {
    try {
      Path dir = Files.createTempDirectory("timebank-api");
      registry.add("timebank.data-dir", dir::toString);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
