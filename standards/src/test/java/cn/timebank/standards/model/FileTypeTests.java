package cn.timebank.standards.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FileTypeTests {

  @Test
  void listsTheSpecColumnsInSpecOrder() {
    assertThat(FileType.PARTICIPANTS.columns())
        .hasSize(15)
        .startsWith("participant_ref", "id_type");
    assertThat(FileType.SERVICES.columns())
        .containsExactly(
            "service_ref",
            "provider_ref",
            "recipient_ref",
            "local_category",
            "start",
            "end",
            "local_amount",
            "funding",
            "status",
            "verification",
            "rating",
            "location_region",
            "recorded_at");
    assertThat(FileType.TRANSACTIONS.columns()).hasSize(9).endsWith("reverses_ref", "note");
    assertThat(FileType.TRANSACTIONS.requiredColumns()).isEqualTo(FileType.TRANSACTIONS.columns());
    assertThat(FileType.SERVICES.refColumn()).isEqualTo("service_ref");
  }

  @Test
  void acceptsAHeaderWithEveryColumnInAnyOrderPlusExtraOnes() {
    List<String> header = new ArrayList<>(FileType.TRANSACTIONS.columns());
    java.util.Collections.reverse(header);
    header.add("bank_internal_id");

    assertThat(FileType.TRANSACTIONS.headerProblem(header)).isEmpty();
  }

  @Test
  void namesTheColumnsAHeaderLacksOrRepeats() {
    List<String> header = new ArrayList<>(FileType.SERVICES.columns());
    header.remove("end");
    header.remove("rating");
    header.add("start");

    assertThat(FileType.SERVICES.headerProblem(header))
        .contains("lacks [end, rating]; repeats [start]");
  }
}
