package cn.timebank.app.api.submission;

import cn.timebank.app.api.ApiException;
import cn.timebank.app.api.ApiProblem;
import cn.timebank.app.config.TimebankProperties;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.servlet.autoconfigure.MultipartProperties;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MultipartFile;

/**
 * Keeps an uploaded ZIP in a temporary file under {@code DATA_DIR/uploads/} while it is ingested
 * (the pipeline archives its own copy). The client's file name is never used. The size limit is
 * {@code spring.servlet.multipart.max-file-size}: the servlet container enforces it while reading,
 * and it is checked here again for containers or tests that do not.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class UploadStore {

  private static final Logger log = LoggerFactory.getLogger(UploadStore.class);

  private final Path directory;
  private final DataSize maxFileSize;

  UploadStore(TimebankProperties properties, MultipartProperties multipart) {
    this.directory = properties.dataDir().resolve("uploads");
    this.maxFileSize = multipart.getMaxFileSize();
  }

  /** Saves the upload; the caller deletes the file when done. */
  Path save(MultipartFile upload) {
    if (upload.isEmpty()) {
      throw new ApiException(ApiProblem.UPLOAD_EMPTY);
    }
    if (maxFileSize.toBytes() >= 0 && upload.getSize() > maxFileSize.toBytes()) {
      throw new ApiException(ApiProblem.UPLOAD_TOO_LARGE, maxFileSize.toBytes() + " bytes");
    }
    try {
      Files.createDirectories(directory);
      Path file = Files.createTempFile(directory, "upload-", ".zip");
      try (InputStream in = upload.getInputStream()) {
        Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
      }
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot store the upload under " + directory, e);
    }
  }

  /** Deletes a saved upload; a failure is logged, not thrown (the answer is already known). */
  void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      log.warn("cannot delete the upload {}", file, e);
    }
  }
}
