package cn.timebank.ingestion.verify;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * What {@link java.util.zip.ZipFile} does not tell: the Unix file type that a ZIP's central
 * directory records for each entry (the high 16 bits of its external attributes when it was made on
 * Unix). A symbolic link, device, pipe or socket entry is refused: only regular files (and folders,
 * refused elsewhere) may sit in a package. Reads only the central directory (bounded), never an
 * entry's data.
 */
final class ZipEntryTypes {

  private static final int END_SIGNATURE = 0x06054b50;
  private static final int ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
  private static final int ZIP64_END_SIGNATURE = 0x06064b50;
  private static final int ENTRY_SIGNATURE = 0x02014b50;
  private static final int END_SIZE = 22;
  private static final int MADE_ON_UNIX = 3;
  private static final int TYPE_MASK = 0170000;
  private static final int REGULAR = 0100000;
  private static final int FOLDER = 0040000;
  private static final int SYMBOLIC_LINK = 0120000;

  /** A central directory larger than this is refused (16 entries need far less). */
  private static final long MAX_DIRECTORY_BYTES = 16L * 1024 * 1024;

  private ZipEntryTypes() {}

  /**
   * Why an entry is not a regular file, or empty when none is; {@code expectedEntries} is what
   * {@code ZipFile} counted, so a directory this reader cannot walk whole is refused too.
   */
  static Optional<String> problem(Path zip, int expectedEntries) throws IOException {
    try (FileChannel channel = FileChannel.open(zip, StandardOpenOption.READ)) {
      long size = channel.size();
      int tail = (int) Math.min(size, END_SIZE + 0xFFFF);
      ByteBuffer end = read(channel, size - tail, tail);
      int at = -1;
      for (int i = tail - END_SIZE; i >= 0; i--) {
        if (end.getInt(i) == END_SIGNATURE) {
          at = i;
          break;
        }
      }
      if (at < 0) {
        return Optional.of("the ZIP's central directory cannot be found");
      }
      long directorySize = end.getInt(at + 12) & 0xFFFFFFFFL;
      long directoryStart = size - tail + at - directorySize;
      if (directorySize == 0xFFFFFFFFL || (end.getInt(at + 16) & 0xFFFFFFFFL) == 0xFFFFFFFFL) {
        int locator = at - 20;
        if (locator < 0 || end.getInt(locator) != ZIP64_LOCATOR_SIGNATURE) {
          return Optional.of("the ZIP's central directory cannot be read");
        }
        long recordAt = end.getLong(locator + 8);
        ByteBuffer record = read(channel, recordAt, 56);
        if (record.getInt(0) != ZIP64_END_SIGNATURE) {
          return Optional.of("the ZIP's central directory cannot be read");
        }
        directorySize = record.getLong(40);
        directoryStart = record.getLong(48);
      }
      if (directorySize > MAX_DIRECTORY_BYTES || directoryStart < 0) {
        return Optional.of("the ZIP's central directory is larger than any package needs");
      }
      return walk(read(channel, directoryStart, (int) directorySize), expectedEntries);
    }
  }

  private static Optional<String> walk(ByteBuffer directory, int expectedEntries) {
    int position = 0;
    int seen = 0;
    while (position + 46 <= directory.limit() && directory.getInt(position) == ENTRY_SIGNATURE) {
      int madeBy = (directory.getShort(position + 4) & 0xFFFF) >>> 8;
      int nameLength = directory.getShort(position + 28) & 0xFFFF;
      int extraLength = directory.getShort(position + 30) & 0xFFFF;
      int commentLength = directory.getShort(position + 32) & 0xFFFF;
      int type = (int) ((directory.getInt(position + 38) & 0xFFFFFFFFL) >>> 16) & TYPE_MASK;
      if (position + 46 + nameLength > directory.limit()) {
        break;
      }
      if (madeBy == MADE_ON_UNIX && type != 0 && type != REGULAR && type != FOLDER) {
        byte[] name = new byte[nameLength];
        directory.get(position + 46, name);
        String shown = new String(name, StandardCharsets.UTF_8).replaceAll("\\p{Cntrl}", "?");
        return Optional.of(
            "entry '"
                + shown
                + (type == SYMBOLIC_LINK
                    ? "' is a symbolic link; links are not followed"
                    : "' is not a regular file"));
      }
      seen++;
      position += 46 + nameLength + extraLength + commentLength;
    }
    return seen == expectedEntries
        ? Optional.empty()
        : Optional.of("the ZIP's central directory does not list its entries consistently");
  }

  private static ByteBuffer read(FileChannel channel, long from, int length) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
    while (buffer.hasRemaining()) {
      if (channel.read(buffer, from + buffer.position()) < 0) {
        throw new IOException("the ZIP ends inside its central directory");
      }
    }
    return buffer.flip();
  }
}
