package cn.timebank.simulator;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Where a package's files go: a ZIP file (entries with a fixed timestamp, so the bytes are the same
 * on every run and in every time zone) or a folder. Files are written one after the other.
 */
abstract sealed class PackageSink implements AutoCloseable {

  /** Opens the next file; close the returned stream before opening another. */
  abstract OutputStream open(String name);

  /** The name of the package as delivered: {@code x.zip} or the folder name. */
  abstract String deliveredName();

  void writeFile(String name, byte[] bytes) {
    try (OutputStream out = open(name)) {
      out.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public abstract void close();

  static PackageSink create(Path dir, String baseName, boolean folder, LocalDateTime timestamp) {
    try {
      Files.createDirectories(dir);
      return folder
          ? new Folder(dir.resolve(baseName))
          : new Zip(dir.resolve(baseName + ".zip"), timestamp);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static final class Zip extends PackageSink {
    private final Path file;
    private final ZipOutputStream zip;
    private final LocalDateTime timestamp;

    Zip(Path file, LocalDateTime timestamp) throws IOException {
      this.file = file;
      this.timestamp = timestamp;
      this.zip =
          new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
      zip.setLevel(5);
    }

    @Override
    OutputStream open(String name) {
      try {
        ZipEntry entry = new ZipEntry(name);
        entry.setTimeLocal(timestamp);
        zip.putNextEntry(entry);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return new FilterOutputStream(zip) {
        @Override
        public void write(byte[] b, int off, int len) throws IOException {
          out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
          zip.closeEntry();
        }
      };
    }

    @Override
    String deliveredName() {
      return file.getFileName().toString();
    }

    @Override
    public void close() {
      try {
        zip.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  static final class Folder extends PackageSink {
    private final Path dir;

    Folder(Path dir) throws IOException {
      this.dir = dir;
      Files.createDirectories(dir);
    }

    @Override
    OutputStream open(String name) {
      try {
        return new BufferedOutputStream(Files.newOutputStream(dir.resolve(name)), 1 << 16);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    String deliveredName() {
      return dir.getFileName().toString();
    }

    @Override
    public void close() {}
  }
}
