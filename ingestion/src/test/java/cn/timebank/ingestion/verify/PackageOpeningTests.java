package cn.timebank.ingestion.verify;

import static cn.timebank.ingestion.verify.Fakes.RECEIVED;
import static org.assertj.core.api.Assertions.assertThat;

import cn.timebank.standards.codes.ResultCode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackageOpeningTests {

  @TempDir Path dir;

  private final PackageVerifier verifier = Fakes.verifier();

  private Rejected verifyZip(Path zip) {
    return (Rejected) Fakes.verify(verifier, zip, RECEIVED);
  }

  private Path zipWith(String entryName, byte[] content) throws IOException {
    Path zip = dir.resolve("crafted.zip");
    try (OutputStream out = Files.newOutputStream(zip);
        ZipOutputStream zipOut = new ZipOutputStream(out)) {
      for (var file : TestPackage.good().contents().entrySet()) {
        zipOut.putNextEntry(new ZipEntry(file.getKey()));
        zipOut.write(file.getValue());
      }
      zipOut.putNextEntry(new ZipEntry(entryName));
      zipOut.write(content);
    }
    return zip;
  }

  @Test
  void refusesCorruptZipBytesWithP001() throws IOException {
    Path zip = dir.resolve("corrupt.zip");
    byte[] good = Files.readAllBytes(TestPackage.good().writeZip(dir));
    Files.write(zip, java.util.Arrays.copyOf(good, good.length / 2));
    Rejected r = verifyZip(zip);
    assertThat(r.code()).isEqualTo(ResultCode.P001);
    assertThat(r.message()).contains("manifest unreadable: the ZIP file is corrupt");
  }

  @Test
  void refusesAnEntryClimbingOutWithP009() throws IOException {
    Rejected r = verifyZip(zipWith("../evil.csv", new byte[] {1}));
    assertThat(r.code()).isEqualTo(ResultCode.P009);
    assertThat(r.message()).contains("'../evil.csv' climbs out of the package");
  }

  @Test
  void refusesAnAbsolutePathWithP009() throws IOException {
    Rejected r = verifyZip(zipWith("/etc/evil.csv", new byte[] {1}));
    assertThat(r.code()).isEqualTo(ResultCode.P009);
    assertThat(r.message()).contains("'/etc/evil.csv' is an absolute path");
  }

  @Test
  void refusesABackslashWithP009() throws IOException {
    Rejected r = verifyZip(zipWith("..\\evil.csv", new byte[] {1}));
    assertThat(r.code()).isEqualTo(ResultCode.P009);
    assertThat(r.message()).contains("contains a backslash");
  }

  @Test
  void refusesAZipBombFastWithoutWritingIt() throws IOException {
    Path zip = zipWith("zeros.csv", new byte[50 * 1024 * 1024]);
    long before = System.nanoTime();
    Rejected r = verifyZip(zip);
    assertThat(System.nanoTime() - before).isLessThan(2_000_000_000L);
    assertThat(r.code()).isEqualTo(ResultCode.P009);
    assertThat(r.message()).contains("'zeros.csv' expands more than 200 times");
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(zip);
    }
  }

  @Test
  void holdsOnlyEntriesOverAMebibyteToTheExpansionRatio() throws IOException {
    byte[] repetitive = new byte[200_000]; // a 200 kB field of one letter: expands ≈ 1,000 times
    Arrays.fill(repetitive, (byte) 'x');
    Rejected small = verifyZip(zipWith("notes.csv", repetitive));
    assertThat(small.message())
        .as("not a bomb: the package goes on to its file set")
        .doesNotContain("expands more than")
        .contains("notes.csv");

    Rejected large = verifyZip(zipWith("zeros.csv", new byte[2 * 1024 * 1024]));
    assertThat(large.code()).isEqualTo(ResultCode.P009);
    assertThat(large.message()).contains("'zeros.csv' expands more than 200 times");
  }

  @Test
  void refusesTooManyEntriesWithP009() throws IOException {
    TestPackage pkg = TestPackage.good();
    for (int i = 0; i < 15; i++) {
      pkg.extra("extra" + i + ".csv", new byte[] {1});
    }
    Rejected r = verifyZip(pkg.writeZip(dir));
    assertThat(r.code()).isEqualTo(ResultCode.P009);
    assertThat(r.message()).contains("at most 16 allowed");
  }

  @Test
  void refusesASymbolicLinkEntryWithP009() throws IOException {
    Path zip = zipWith("link.csv", "/etc/passwd".getBytes(StandardCharsets.US_ASCII));
    Files.write(zip, unixType(Files.readAllBytes(zip), "link.csv", 0120777));
    Rejected r = verifyZip(zip);
    assertThat(r.code()).isEqualTo(ResultCode.P009);
    assertThat(r.message()).contains("'link.csv' is a symbolic link");
  }

  @Test
  void refusesAFifoEntryButTakesUnixRegularFiles() throws IOException {
    Path fifo = zipWith("pipe.csv", new byte[] {1});
    Files.write(fifo, unixType(Files.readAllBytes(fifo), "pipe.csv", 0010644));
    assertThat(verifyZip(fifo).message()).contains("'pipe.csv' is not a regular file");

    Path regular = TestPackage.good().writeZip(dir);
    byte[] bytes = Files.readAllBytes(regular);
    for (String name : TestPackage.good().contents().keySet()) {
      bytes = unixType(bytes, name, 0100644);
    }
    Files.write(regular, bytes);
    assertThat(Fakes.verify(verifier, regular, RECEIVED)).isInstanceOf(Verified.class);
  }

  /** The central directory entry of {@code name} marked as made on Unix with {@code mode}. */
  static byte[] unixType(byte[] zip, String name, int mode) {
    byte[] copy = zip.clone();
    ByteBuffer buffer = ByteBuffer.wrap(copy).order(ByteOrder.LITTLE_ENDIAN);
    byte[] wanted = name.getBytes(StandardCharsets.UTF_8);
    int patched = 0;
    for (int i = 0; i + 46 < copy.length; i++) {
      if (buffer.getInt(i) == 0x02014b50
          && (buffer.getShort(i + 28) & 0xFFFF) == wanted.length
          && Arrays.equals(copy, i + 46, i + 46 + wanted.length, wanted, 0, wanted.length)) {
        buffer.putShort(i + 4, (short) ((3 << 8) | 20));
        buffer.putInt(i + 38, mode << 16);
        patched++;
      }
    }
    assertThat(patched).as("central directory entries of " + name).isOne();
    return copy;
  }

  @Test
  void refusesASymbolicLinkInAFolderWithP009() throws IOException {
    Path folder = TestPackage.good().writeFolder(dir);
    Path secret = Files.writeString(dir.resolve("secret.txt"), "secret");
    Files.createSymbolicLink(folder.resolve("link.csv"), secret);
    Rejected r = (Rejected) Fakes.verify(verifier, folder, RECEIVED);
    assertThat(r.code()).isEqualTo(ResultCode.P009);
    assertThat(r.message()).contains("'link.csv' is a symbolic link");
  }

  @Test
  void refusesASubFolderWithP009() throws IOException {
    Path folder = TestPackage.good().writeFolder(dir);
    Files.createDirectory(folder.resolve("data"));
    Rejected r = (Rejected) Fakes.verify(verifier, folder, RECEIVED);
    assertThat(r.code()).isEqualTo(ResultCode.P009);
    assertThat(r.message()).contains("'data' is a folder");
  }
}
