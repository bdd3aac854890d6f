package cn.timebank.ingestion.batch;

import cn.timebank.ingestion.read.DataFileReader;
import cn.timebank.ingestion.read.ReadLimits;
import cn.timebank.ingestion.verify.Delivery;
import cn.timebank.ingestion.verify.Manifest;
import cn.timebank.ingestion.verify.ManifestFile;
import cn.timebank.ingestion.verify.OpenedPackage;
import cn.timebank.ingestion.verify.OpeningLimits;
import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

/**
 * Streams the records of an archived, verified package, file by file in manifest order. Its count
 * of records read is saved with each chunk, so a restarted step skips what was staged already.
 */
class PackageRecordReader extends AbstractItemCountingItemStreamItemReader<ReadRecord> {

  private final Path archive;
  private final OpeningLimits limits;
  private @Nullable OpenedPackage opened;
  private @Nullable Manifest manifest;
  private @Nullable DataFileReader records;
  private int fileIndex = -1;

  PackageRecordReader(OpeningLimits limits, Path archive) {
    this.limits = limits;
    this.archive = archive;
    setName("packageRecords");
  }

  @Override
  protected void doOpen() {
    opened = OpenedPackage.open(Delivery.of(archive), limits);
    manifest = Manifest.of(opened);
  }

  @Override
  protected @Nullable ReadRecord doRead() {
    while (true) {
      if (records != null && records.hasNext()) {
        return new ReadRecord(fileIndex + 1, file(fileIndex), records.next());
      }
      closeFile();
      List<ManifestFile> files = manifest().files();
      if (++fileIndex >= files.size()) {
        return null;
      }
      try {
        records =
            opened().records(file(fileIndex).name(), manifest().encoding(), ReadLimits.defaults());
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
  }

  @Override
  protected void doClose() throws Exception {
    closeFile();
    if (opened != null) {
      opened.close();
      opened = null;
    }
  }

  private ManifestFile file(int index) {
    return manifest().files().get(index);
  }

  private void closeFile() {
    if (records != null) {
      records.close();
      records = null;
    }
  }

  private Manifest manifest() {
    if (manifest == null) {
      throw new IllegalStateException("the reader is not open");
    }
    return manifest;
  }

  private OpenedPackage opened() {
    if (opened == null) {
      throw new IllegalStateException("the reader is not open");
    }
    return opened;
  }
}
