package cn.timebank.reporting.receipt;

import cn.timebank.ingestion.receipt.Counts;
import cn.timebank.ingestion.receipt.FileCount;
import cn.timebank.ingestion.receipt.Receipt;
import cn.timebank.ingestion.receipt.ReceiptLine;
import cn.timebank.ingestion.receipt.ReceiptStatus;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Receipts to render: a partly accepted late package with formula-like text in its lines. */
public final class ReceiptSamples {

  public static final String PACKAGE_ID = "310109-001_2026-10_1_3f2a9c1e";

  private ReceiptSamples() {}

  public static Receipt partlyAcceptedAndLate() {
    Map<String, FileCount> files = new LinkedHashMap<>();
    files.put("participants.csv", new FileCount(1205, 1198, 7));
    files.put("services.csv", new FileCount(48213, 48190, 23));
    files.put("transactions.jsonl", new FileCount(3107, 3107, 0));
    Map<String, Long> codes = Map.of("R101", 5L, "R108", 2L, "R103", 23L, "W201", 4L);
    return new Receipt(
        PACKAGE_ID,
        "3f2a9c1e5b7d4f60a1c2e3b4d5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718",
        "310109-001",
        "2026-10",
        1,
        OffsetDateTime.parse("2026-11-12T09:30:00+08:00"),
        OffsetDateTime.parse("2026-11-10T00:00:00+08:00"),
        true,
        ReceiptStatus.PART,
        new Counts(files, codes),
        List.of(
            new ReceiptLine(
                "participants.csv",
                12L,
                "P-0012",
                "id_number",
                "R108",
                "居民身份证号码校验码错误 / resident ID fails its check digit"),
            new ReceiptLine(
                "services.csv",
                88L,
                "=HYPERLINK(\"http://x\")",
                "ended_at",
                "R103",
                "@SUM(A1:A9) 结束时间早于开始时间"),
            new ReceiptLine(
                "services.csv",
                91L,
                "S-0091",
                "-field",
                "R101",
                "+缺少必填字段 / required field missing")),
        List.of(
            new ReceiptLine(
                "services.csv",
                140L,
                "S-0140",
                null,
                "W201",
                "已达每日上限：部分或全部未计入 / daily cap reached")));
  }
}
