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
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.servlet.autoconfigure.MultipartProperties;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MultipartFile;

/**
 * Keeps an uploaded ZIP in a folder of its own under {@code DATA_DIR/uploads/} while it is ingested
 * (the pipeline archives its own copy). The file is named after the client's file name as {@link
 * #safeName} makes it safe — one name without any folder, letters, digits, {@code . - _} only — so
 * that a receipt names the package as the bank sent it. The size limit is {@code
 * spring.servlet.multipart.max-file-size}: the servlet container enforces it while reading, and it
 * is checked here again for containers or tests that do not.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class UploadStore {

  private static final Logger log = LoggerFactory.getLogger(UploadStore.class);
  private static final int MAX_NAME = 120;

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
      Path file =
          Files.createTempDirectory(directory, "upload-")
              .resolve(safeName(upload.getOriginalFilename()));
      try (InputStream in = upload.getInputStream()) {
        Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
      }
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot store the upload under " + directory, e);
    }
  }

  /**
   * The client's file name as a single safe file name: the part after the last {@code /} or
   * backslash, every character other than a letter, a digit, {@code .}, {@code -} or {@code _}
   * replaced by {@code _}, no leading dots, at most {@value #MAX_NAME} characters; {@code
   * upload.zip} when nothing is left.
   */
  static String safeName(@Nullable String original) {
    String name = original == null ? "" : original;
    name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    StringBuilder safe = new StringBuilder(name.length());
    name.codePoints()
        .forEach(
            c ->
                safe.appendCodePoint(
                    Character.isLetterOrDigit(c) || c == '.' || c == '-' || c == '_' ? c : '_'));
    String result = safe.toString().replaceFirst("^\\.+", "");
    if (result.length() > MAX_NAME) {
      result = result.substring(0, MAX_NAME);
    }
    return result.isEmpty() ? "upload.zip" : result;
  }

  /**
   * Deletes a saved upload and its folder; a failure is logged, not thrown (the answer is known).
   */
  void delete(Path file) {
    try {
      Files.deleteIfExists(file);
      Files.deleteIfExists(file.getParent());
    } catch (IOException e) {
      log.warn("cannot delete the upload {}", file, e);
    }
  }
}
