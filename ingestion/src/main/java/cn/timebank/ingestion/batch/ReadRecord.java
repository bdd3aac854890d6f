package cn.timebank.ingestion.batch;

import cn.timebank.ingestion.read.RawRecord;
import cn.timebank.ingestion.verify.ManifestFile;

/** A raw record of a package's data file, with the file's number in the manifest (from 1). */
record ReadRecord(int fileNo, ManifestFile file, RawRecord raw) {}
