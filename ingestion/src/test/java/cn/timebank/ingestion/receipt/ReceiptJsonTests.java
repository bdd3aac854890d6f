package cn.timebank.ingestion.receipt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.timebank.standards.codes.ResultCode;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReceiptJsonTests {

  private final Receipt receipt =
      new Receipt(
          "310109-001_2026-10_1_3f2a9c1e",
          "3f2a9c1e",
          "310109-001",
          "2026-10",
          1,
          OffsetDateTime.parse("2026-11-05T09:12:44+08:00"),
          OffsetDateTime.parse("2026-11-10T23:59:59+08:00"),
          false,
          ReceiptStatus.PART,
          new Counts(
              Map.of("services.csv", new FileCount(35, 21, 14)), Map.of("W202", 1L, "R103", 1L)),
          List.of(ReceiptLine.of("services.csv", 21L, "S040", "end", ResultCode.R103, null)),
          List.of(ReceiptLine.of("services.csv", 7L, "S006", null, ResultCode.W202, null)));

  @Test
  void writesTheFieldNamesOfTheSpec() {
    String json = ReceiptJson.write(receipt);

    assertThat(json)
        .startsWith("{\"package_id\":\"310109-001_2026-10_1_3f2a9c1e\",\"sha256\":\"3f2a9c1e\"")
        .contains("\"received_at\":\"2026-11-05T09:12:44+08:00\"")
        .contains("\"due_at\":\"2026-11-10T23:59:59+08:00\"", "\"late\":false")
        .contains("\"status\":\"PART\"")
        .contains("\"files\":{\"services.csv\":{\"read\":35,\"accepted\":21,\"rejected\":14}}")
        .contains("\"codes\":{\"R103\":1,\"W202\":1}")
        .contains(
            "{\"file\":\"services.csv\",\"line\":21,\"ref\":\"S040\",\"field\":\"end\","
                + "\"code\":\"R103\",\"message\":\"结束时间早于开始时间 / end is not after start\"}");
  }

  @Test
  void readsBackWhatItWrote() {
    assertThat(ReceiptJson.read(ReceiptJson.write(receipt))).isEqualTo(receipt);
  }

  @Test
  void statusFollowsTheRecords() {
    assertThat(ReceiptStatus.ofRecords(10, 0, 0)).isEqualTo(ReceiptStatus.ACPT);
    assertThat(ReceiptStatus.ofRecords(10, 0, 2)).isEqualTo(ReceiptStatus.WARN);
    assertThat(ReceiptStatus.ofRecords(10, 3, 2)).isEqualTo(ReceiptStatus.PART);
    assertThat(ReceiptStatus.ofRecords(10, 10, 0)).isEqualTo(ReceiptStatus.RJCT);
  }

  @Test
  void refusesCountsThatDoNotAddUp() {
    assertThatThrownBy(() -> new FileCount(10, 5, 4))
        .hasMessageContaining("read must equal accepted + rejected");
  }
}
